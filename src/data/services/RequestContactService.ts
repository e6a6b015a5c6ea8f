import type * as D from "../../domain/types";
import { CONTACT_SETTING_KEYS, contactFromSettings, RequestContact, validateContact } from "../../domain/partnerRequests";
import { recordAudit } from "./audit";
import { RuleError, ServiceBase } from "./ServiceBase";

/**
 * The coordinator's contact printed in the letters to partners (問合せ先), kept in the settings
 * list (PartnershipSettings) one key per value, so it is written once and every later letter
 * carries it.
 */
export class RequestContactService extends ServiceBase {
  protected readonly coordinatorsOnly = "send requests to partners";

  async load(fallbackSender: string): Promise<{ contact: RequestContact; settings: D.Setting[] }> {
    const settings = await this.data.settings.list();
    return { contact: contactFromSettings(settings, fallbackSender), settings };
  }

  /** Saves the keys whose value changed; nothing when nothing did. */
  async save(contact: RequestContact, settings: D.Setting[]): Promise<void> {
    this.requireCoordinator();
    const problems = validateContact(contact);
    if (problems.length) throw new RuleError(problems);
    const byKey = new Map(settings.map((s) => [s.key, s]));
    const rows = (Object.keys(CONTACT_SETTING_KEYS) as Array<keyof RequestContact>).map((k) => ({ key: CONTACT_SETTING_KEYS[k], value: contact[k].trim() }));
    const changed = rows.filter((r) => (byKey.get(r.key)?.value ?? "") !== r.value);
    if (!changed.length) return;
    await this.data.settings.updateMany(changed.flatMap((r) => { const s = byKey.get(r.key); return s ? [{ id: s.id, etag: s.etag, patch: { value: r.value } }] : []; }));
    await this.data.settings.addMany(changed.filter((r) => !byKey.has(r.key)));
    await recordAudit(this.data, "PartnershipSettings", 0, "update", "企業等への依頼文の問合せ先を変更", { keys: changed.map((r) => r.key) });
  }
}
