import { BaseClientSideWebPart } from "@microsoft/sp-webpart-base";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/items";
/**
 * The floor (issue: first load close to the floor). A hello-world web part as the generator
 * would make it, plus the least a list screen needs: one Fluent DetailsList showing one list's
 * items read through PnPjs. Never shipped; the bench and the bundle-size test build it with the
 * product's toolchain in the same run and divide the product's figures by its.
 */
export interface IFloorWebPartProps {
    listUrl: string;
}
export default class FloorWebPart extends BaseClientSideWebPart<IFloorWebPartProps> {
    private rows;
    protected onInit(): Promise<void>;
    render(): void;
    protected onDispose(): void;
}
//# sourceMappingURL=FloorWebPart.d.ts.map