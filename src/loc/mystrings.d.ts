declare interface ICommonStrings {
  AppName: string;
  Loading: string;
  Reload: string;
  MoreActions: string;
  PartNotLoaded: string;
  Retry: string;
  Close: string;
  Search: string;
  All: string;
  NoItems: string;
  /** {0}: the year, {1}: its 令和 year, {2}: the next calendar year. */
  FiscalYearLabel: string;
  /** A Form 3 edition's title from its fiscal year ({0}) and number ({1}). */
  EditionTitle: string;
  /** How a screen writes a date: "era" (令和8年11月24日 with the ISO date beside it) or "iso" (2026-11-24, for an English screen). */
  DateStyle: string;
  FiscalYear: string;
  Count: string;
  /** 「{0} 件」: a count as written beside its bar in a chart. */
  CountValue: string;
  /** A list like Microsoft Lists: the count under its filters and its sortable headers. */
  List: {
    /** 「全 {0} 件」: nothing filtered out. */
    countAll: string;
    /** 「{0} 件を表示（全 {1} 件）」: shown after filtering, of all. */
    countShown: string;
    sortedAscending: string;
    sortedDescending: string;
    /** A saved view per user (filters, sort, columns), as Microsoft Lists keeps views. */
    filterBy: string;
    columns: string;
    saveView: string;
    resetView: string;
    viewSaved: string;
    savedViewShown: string;
    viewReset: string;
    clearFilter: string;
    /** An empty value in a column filter. */
    blank: string;
    noStorage: string;
    /** 「{0}（{1} 件）」: a filter value and how many rows have it. */
    filterCount: string;
  };
  /** 「第{0}号」: a partnership item's number. */
  ItemNo: string;
  Role: { coordinator: string; member: string; visitor: string };
  SignedInAs: string;
  Hosting: {
    PaneDescription: string;
    PaneGroup: string;
    SiteUrlLabel: string;
    SiteUrlDescription: string;
    Check: { invalidUrl: string; noSite: string; notSetUp: string; needsUpgrade: string; forbidden: string; unreachable: string };
    NotSetUp: string;
    NeedsUpgrade: string;
    ReadingFrom: string;
  };
  PortalPage: {
    Heading: string;
    Found: string;
    NotSet: string;
    Missing: string;
    Forbidden: string;
    Invalid: string;
    Problems: { empty: string; notUrl: string; notPage: string; otherSite: string };
  };
  Setup: {
    Title: string;
    Intro: string;
    Site: string;
    SiteVersion: string;
    AppVersion: string;
    NeverSetUp: string;
    PlanHeading: string;
    ColList: string;
    ColWhat: string;
    Run: string;
    Running: string;
    Done: string;
    UpToDate: string;
    Failed: string;
    OwnersOnly: string;
    /** Who may run setup, naming the site's Owners group ({0}). */
    AskOwners: string;
    /** The site's Owners group, when its name could not be read. */
    SiteOwners: string;
    /** Setup refused before any write: {0} the missing permissions, {1} the site's Owners group. */
    NotAllowed: string;
    Rights: { manageLists: string; managePermissions: string; createGroups: string };
    ManualHeading: string;
    Steps: {
      createList: string;
      addField: string;
      updateField: string;
      addIndex: string;
      addUnique: string;
      addView: string;
      addViewFields: string;
      updateView: string;
      viewChanges: { title: string; query: string; default: string };
      recreateGroup: string;
      departmentStaff: string;
      manual: string;
      createGroup: string;
      createAddOnlyLevel: string;
      breakInheritance: string;
      grant: string;
      revoke: string;
      revokeInherited: string;
      createFolder: string;
      repairFolder: string;
      folderWithoutItem: string;
      writeCallKeys: string;
      duplicateCalls: string;
      breakFolderInheritance: string;
      grantFolder: string;
      missingGroup: string;
      createEditOnlyLevel: string;
      createManageLevel: string;
      revokeFolder: string;
      recordVersion: string;
      grantSite: string;
      setGroupOwner: string;
      setGroupOwnerNew: string;
    };
    RolesHeading: string;
    RolesIntro: string;
    RoleNames: { coordinators: string; members: string; visitors: string };
    EntraGroup: string;
    EntraLogin: string;
    EntraLoginHelp: string;
    EntraSet: string;
    OwnGroup: string;
    Roles: { fullControl: string; contribute: string; read: string; addOnly: string; editOnly: string; manageRows: string };
    TenantHeading: string;
    TenantIntro: string;
    TenantSet: string;
    TenantDone: string;
    TenantForbidden: string;
  };
  Submission: { submissionNotOpen: string; submissionClosed: string; submittedLocked: string; publishedLocked: string; deadlinePassed: string };
  Cancel: string;
  /** Reading an imported file (in a Web Worker): its stages, and stopping it. */
  Reading: { checking: string; unpacking: string; reading: string; cancel: string; cancelled: string };
  OutcomeUnknown: string;
  Conflict: { reloadKeep: string; changed: string; unchanged: string };
  Errors: {
    conflict: string;
    validation: string;
    duplicate: string;
    threshold: string;
    forbidden: string;
    notFound: string;
    throttled: string;
    network: string;
    unknown: string;
  };
  FieldProblems: {
    required: string;
    tooLong: string;
    notANumber: string;
    outOfRange: string;
    invalidChoice: string;
    invalidDate: string;
    notInteger: string;
  };
  AgreementStatus: {
    approached: string;
    preparing: string;
    surveying: string;
    concluded: string;
    declined: string;
    underReview: string;
    terminated: string;
  };
  /** Why a Teams post did not go, from the code its record keeps (never the code itself on screen). */
  NoticeProblems: { notMember: string; forbidden: string; notFound: string; throttled: string; network: string; outcomeUnknown: string; validation: string; other: string; status: string };
  PartnerAnswer: { pending: string; can: string; cannot: string; discuss: string };
  Forms: { form1: string; form2: string; form4: string };
  ResultStatus: { draft: string; submitted: string; published: string };
}

declare module "CommonStrings" {
  const strings: ICommonStrings;
  export = strings;
}
