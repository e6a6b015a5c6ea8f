define([], function () {
  return {
    AppName: "Partnership Desk",
    Loading: "Loading…",
    Reload: "Reload",
    Retry: "Retry",
    Close: "Close",
    Search: "Search",
    All: "All",
    NoItems: "Nothing to show.",
    FiscalYear: "Fiscal year",
    ItemNo: "Item {0}",
    Count: "Count",
    Role: { coordinator: "Coordinator (Future Creation Division)", member: "Department staff", visitor: "Read only" },
    SignedInAs: "Signed in as {0} ({1})",
    Errors: {
      conflict: "Someone else saved this first, so your change was not saved. Reload the latest version and save again; what you typed is kept.",
      validation: "Some values are not valid. Check the fields marked in red.",
      duplicate: "The same value is already registered. Enter a different value.",
      threshold: "Too many rows for this query (list view threshold of 5,000). Narrow it down, for example by fiscal year.",
      forbidden: "You do not have permission to do this. Ask the Future Creation Division if you need it.",
      notFound: "The item was not found. It may have been deleted.",
      throttled: "SharePoint is busy. Wait a moment and try again.",
      network: "Could not reach SharePoint. Check the network and try again.",
      unknown: "Something unexpected went wrong. Try again; if it persists, contact the Future Creation Division."
    },
    FieldProblems: {
      required: "Required.",
      tooLong: "At most {0} characters.",
      notANumber: "Enter a number.",
      outOfRange: "Out of range ({0}).",
      invalidChoice: "Choose from the list.",
      invalidDate: "Enter a valid date (e.g. 2026-04-01).",
      notInteger: "Enter a whole number."
    },
    AgreementStatus: {
      approached: "Approached",
      preparing: "In preparation",
      surveying: "Internal survey",
      concluded: "Concluded",
      declined: "Declined",
      underReview: "Under review",
      terminated: "Terminated"
    },
    PartnerAnswer: { pending: "No answer yet", can: "Can do", cannot: "Cannot", discuss: "To discuss" },
    Forms: { form1: "Form 1 (partner proposals)", form2: "Form 2 (city proposals)", form4: "Form 4 (results)" },
    ResultStatus: { draft: "Draft", submitted: "Submitted", published: "Published" }
  };
});
