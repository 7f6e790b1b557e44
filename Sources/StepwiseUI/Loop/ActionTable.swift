/// Every action a key can trigger.
public enum ActionID: String, CaseIterable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, moveFirst, moveLast, open, search, add, back
    case nextTab, previousTab, tabPlan, tabOffers, tabNotes, tabProgress, tabSummary, tabJobs
    case nextField, previousField, submit, cancel, newLine, closeHelp
    case edit, addStep, addGoal, drop, moveItemUp, moveItemDown, advance, accept, approve, switchWriter, history, undo
    case session, rate, newNote, filter, versions, addMilestone, outcome, addContact
    case book, unbook, group, hide, unlock
    case auditLog
    case addApplication, moveStatus, addInterview, followAlong, followContact
    case report, reportScope, earlierPeriod, laterPeriod, periodLength
    case internship, followUp, print, printTo, calendarFile, savePDF
    case placement
    case changeFollowUp
    case catalogue, addOffer, editOffer, cancelOffer, attendance, attended, absent, excused, allAttended, clearAttendance, previousSession,
        nextSession
    case board, addJob, editJob, jobFilled, suggestJob
    case yes, no
    case help, redraw, suspend, quit, interrupt
}

/// Where the user is, which decides what the keys mean. Every value is one `AppState.context`
/// can return; the key sets below are derived from `allCases`, so a new context gets the keys
/// every screen has (Ctrl-C, Ctrl-L, the privacy key, help) without being listed.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    case caseload, searching, plan, notes, progress, offers, offerDetail, form, confirm, history, help, privacy
    case catalogue, catalogueDetail, attendance, auditLog, summary, jobs
    case board
    case report

    /// Contexts where printable keys are typed as text, so no letter can be a command there.
    public static let typing: Set<KeyContext> = [.searching, .form, .privacy]
    /// The tabs of an open participant (the number keys, Tab and Esc switch or leave them).
    public static let participantTabs: Set<KeyContext> = [.plan, .notes, .progress, .offers, .summary, .jobs]
    /// Every context that shows something of a record: all but the privacy screen itself.
    public static let screens = Set(allCases).subtracting([.privacy])
    /// Where `?` opens the help: everywhere a letter is a command, except the help itself.
    public static let withHelp = Set(allCases).subtracting(typing).subtracting([.help])
    /// Where F1 opens the help instead, because `?` is typed as text there (the privacy
    /// screen shows nothing, help included).
    public static let withHelpByF1 = typing.subtracting([.privacy])
    /// Where `L` hides the screen at once (the privacy key, for health data on screen).
    public static let hiddenByL = Set(allCases).subtracting(typing)
    /// Where Ctrl-X hides it instead, because `L` is typed as text there.
    public static let hiddenByCtrlX = typing.subtracting([.privacy])
}

/// One row of the action table: its keys, where it applies, and whether the footer shows it.
/// The footer, the help screen and key dispatch all read this one table.
public struct ActionSpec: Sendable {
    public let id: ActionID
    public let keys: [Key]
    public let contexts: Set<KeyContext>
    /// Shown in the footer (the help screen shows every action).
    public let inFooter: Bool
    /// The keys as the footer writes them, when not simply the first key.
    public let footerKeys: String?
    /// String-table key of the footer label, when not the action's own.
    public let footerLabel: String?
    /// String-table key of the help text, when the action means something particular in these
    /// contexts (e.g. Enter opens an offer's details on the offers tab, a participant elsewhere).
    public let helpLabel: String?

    /// String-table key of the short footer label.
    public var labelKey: String { footerLabel ?? "action.\(id.rawValue)" }
    /// String-table key of the help text.
    public var helpKey: String { helpLabel ?? "action.\(id.rawValue).help" }

    /// The keys as the help screen lists them, e.g. "↑ k".
    public var keysText: String { keys.map(\.label).joined(separator: " ") }
    /// The keys as the footer writes them, e.g. "↑↓".
    public var shownKeys: String { footerKeys ?? keys.first?.label ?? "" }
}

/// The table of actions.
public enum ActionTable {
    private static let tabs = KeyContext.participantTabs
    /// Lists and texts that move with the arrow keys, pages, Home and End.
    private static let moving: Set<KeyContext> = [
        .caseload, .plan, .notes, .progress, .offers, .offerDetail, .history,
        .catalogue, .catalogueDetail, .attendance, .summary, .jobs, .help, .board, .auditLog,
    ]
    /// Of those, the ones whose arrows scroll a text rather than select an entry.
    private static let scrolling: Set<KeyContext> = [.progress, .offerDetail, .catalogueDetail, .summary, .help, .auditLog]

    public static let all: [ActionSpec] = [
        spec(.moveUp, [.up, .char("k")], [.caseload, .history], footer: true, shown: "↑↓"),
        spec(
            .moveUp, [.up, .char("k")], [.summary, .help], footer: true, shown: "↑↓", label: "action.scroll", help: "action.scrollUp.help"),
        spec(.moveUp, [.up, .char("k")], scrolling.subtracting([.summary, .help]), help: "action.scrollUp.help"),
        spec(.moveUp, [.up, .char("k")], moving.subtracting(scrolling).subtracting([.caseload, .history])),
        spec(.moveUp, [.up], [.searching]),
        spec(.moveDown, [.down, .char("j")], scrolling, help: "action.scrollDown.help"),
        spec(.moveDown, [.down, .char("j")], moving.subtracting(scrolling)),
        spec(.moveDown, [.down], [.searching]),
        spec(.pageUp, [.pageUp], [.caseload, .searching, .plan, .notes, .offers, .catalogue, .jobs]),
        spec(.pageUp, [.pageUp], [.progress, .offerDetail, .catalogueDetail, .summary, .help, .auditLog], help: "action.scrollPageUp.help"),
        spec(.pageDown, [.pageDown], [.caseload, .searching, .plan, .notes, .offers, .catalogue, .jobs]),
        spec(.pageDown, [.pageDown], [.progress, .offerDetail, .catalogueDetail, .help, .auditLog], help: "action.scrollPageDown.help"),
        spec(.pageDown, [.pageDown, .char(" ")], [.summary], help: "action.scrollPageDown.help"),
        spec(.moveFirst, [.home], moving.subtracting(scrolling)),
        spec(.moveFirst, [.home], [.progress, .offerDetail, .catalogueDetail, .summary, .help, .auditLog], help: "action.scrollFirst.help"),
        spec(.moveLast, [.end], moving.subtracting(scrolling)),
        spec(.moveLast, [.end], [.progress, .offerDetail, .catalogueDetail, .summary, .help, .auditLog], help: "action.scrollLast.help"),
        spec(.open, [.enter], [.caseload, .searching], footer: true),
        spec(.search, [.char("/")], [.caseload], footer: true),
        spec(.add, [.char("a")], [.caseload], footer: true),
        spec(.catalogue, [.char("o")], [.caseload], footer: true),
        spec(.board, [.char("b")], [.caseload], footer: true),
        spec(.pageUp, [.pageUp], [.board]),
        spec(.pageDown, [.pageDown], [.board]),
        spec(.addJob, [.char("a")], [.board], footer: true),
        spec(.editJob, [.char("e"), .enter], [.board], footer: true),
        spec(.jobFilled, [.char("m")], [.board], footer: true),
        spec(.filter, [.char("f"), .char("/")], [.board], footer: true, help: "action.filter.board.help"),
        spec(.back, [.escape], [.board], footer: true),
        spec(.suggestJob, [.char("b")], [.jobs], footer: true),
        spec(.report, [.char("R")], [.caseload]),
        spec(.moveUp, [.up, .char("k")], [.report], footer: true, shown: "↑↓", label: "action.scroll", help: "action.scrollUp.help"),
        spec(.moveDown, [.down, .char("j")], [.report], help: "action.scrollDown.help"),
        spec(.pageUp, [.pageUp], [.report], help: "action.scrollPageUp.help"),
        spec(.pageDown, [.pageDown, .char(" ")], [.report], help: "action.scrollPageDown.help"),
        spec(.moveFirst, [.home], [.report], help: "action.scrollFirst.help"),
        spec(.moveLast, [.end], [.report], help: "action.scrollLast.help"),
        spec(.reportScope, [.tab], [.report], footer: true, shown: "Tab"),
        spec(.earlierPeriod, [.left], [.report]),
        spec(.laterPeriod, [.right], [.report], footer: true, shown: "←→", label: "action.period"),
        spec(.periodLength, [.char("p")], [.report], footer: true),
        spec(.back, [.escape], [.report], footer: true),
        spec(.open, [.enter], [.catalogue], help: "action.open.offer.help"),
        spec(.addOffer, [.char("a")], [.catalogue], footer: true),
        spec(.editOffer, [.char("e")], [.catalogue, .catalogueDetail], footer: true),
        spec(.cancelOffer, [.char("d")], [.catalogue, .catalogueDetail], footer: true, label: "action.cancelOffer.short"),
        spec(.attendance, [.char("t")], [.catalogue, .catalogueDetail], footer: true),
        spec(.internship, [.char("I")], [.catalogue, .catalogueDetail]),
        spec(.filter, [.char("f"), .char("/")], [.catalogue], footer: true, help: "action.filter.offers.help"),
        spec(.group, [.char("G")], [.catalogue]),
        spec(.attended, [.char("1")], [.attendance], footer: true),
        spec(.absent, [.char("2")], [.attendance], footer: true),
        spec(.excused, [.char("3")], [.attendance], footer: true),
        spec(.allAttended, [.char("A")], [.attendance], footer: true),
        spec(.clearAttendance, [.char("0"), .delete], [.attendance]),
        spec(.previousSession, [.left], [.attendance]),
        spec(.nextSession, [.right], [.attendance], footer: true, shown: "←→", label: "action.sessions"),
        spec(.back, [.escape], [.catalogue], footer: true),
        spec(.back, [.escape], [.catalogueDetail, .attendance], footer: true, help: "action.back.offers.help"),
        spec(.back, [.escape], [.auditLog], footer: true, help: "action.back.participant.help"),
        spec(.auditLog, [.char("i")], tabs),
        spec(.print, [.char("p")], [.summary], footer: true),
        spec(.printTo, [.char("P")], [.summary]),
        spec(.calendarFile, [.char("c")], [.summary], footer: true),
        spec(.savePDF, [.char("f")], [.summary], footer: true),
        spec(.cancel, [.escape], [.searching], footer: true, help: "action.cancel.search.help"),
        spec(.edit, [.enter, .char("e")], [.plan], footer: true),
        spec(.edit, [.enter, .char("e")], [.notes], footer: true, help: "action.edit.note.help"),
        spec(.newNote, [.char("n")], [.notes], footer: true),
        spec(.newNote, [.char("n")], [.plan, .progress, .offers]),
        spec(.filter, [.char("f")], [.notes], footer: true),
        spec(.versions, [.char("v")], [.notes]),
        spec(.session, [.char("s")], [.notes, .progress], footer: true),
        spec(.session, [.char("s")], [.plan, .offers]),
        spec(.rate, [.char("r")], [.progress, .notes], footer: true),
        spec(.rate, [.char("r")], [.plan, .offers]),
        spec(.addMilestone, [.char("m")], [.progress], footer: true),
        spec(.outcome, [.char("o")], [.progress]),
        spec(.addContact, [.char("c")], [.plan]),
        spec(.open, [.enter], [.offers], footer: true, label: "action.details", help: "action.open.offer.help"),
        spec(.book, [.char("b")], [.offers, .offerDetail], footer: true),
        spec(.unbook, [.char("x")], [.offers, .offerDetail], footer: true),
        spec(.filter, [.char("f"), .char("/")], [.offers], footer: true, help: "action.filter.offers.help"),
        spec(.group, [.char("G")], [.offers]),
        spec(.placement, [.char("I")], [.offers, .offerDetail]),
        spec(.followUp, [.char("F")], [.offers, .offerDetail]),
        spec(.changeFollowUp, [.char("M")], [.offers, .offerDetail]),
        spec(.back, [.escape], [.offerDetail], footer: true, help: "action.back.offers.help"),
        spec(.addStep, [.char("a")], [.plan], footer: true, label: "action.addStep.short"),
        spec(.addGoal, [.char("g")], [.plan], footer: true, label: "action.addGoal.short"),
        spec(.advance, [.char("t")], [.plan]),
        spec(.accept, [.char("y")], [.plan], footer: true),
        spec(.drop, [.char("d")], [.plan]),
        spec(.moveItemUp, [.char("K")], [.plan]),
        spec(.moveItemDown, [.char("J")], [.plan]),
        spec(.switchWriter, [.char("w")], [.plan], footer: true, label: "action.switchWriter.short"),
        spec(.switchWriter, [.char("w")], [.notes]),
        spec(.approve, [.char("A")], [.plan]),
        spec(.approve, [.char("A")], [.jobs], footer: true, help: "action.approve.jobs.help"),
        spec(.edit, [.enter, .char("e")], [.jobs], footer: true, help: "action.edit.jobs.help"),
        spec(.addApplication, [.char("a")], [.jobs], footer: true, label: "action.addApplication.short"),
        spec(.moveStatus, [.char("t")], [.jobs], footer: true, label: "action.moveStatus.short"),
        spec(.addInterview, [.char("v")], [.jobs]),
        spec(.followAlong, [.char("F")], [.jobs]),
        spec(.followContact, [.char("c")], [.jobs]),
        spec(.switchWriter, [.char("w")], [.jobs]),
        spec(.history, [.char("h")], [.plan]),
        spec(.undo, [.char("u")], [.plan]),
        // Not in the footer: the tab bar names each number key.
        spec(.tabPlan, [.char("1")], tabs, shown: "1-6", label: "action.tabs"),
        spec(.tabOffers, [.char("2")], tabs),
        spec(.tabNotes, [.char("3")], tabs),
        spec(.tabProgress, [.char("4")], tabs),
        spec(.tabSummary, [.char("5")], tabs),
        spec(.tabJobs, [.char("6")], tabs),
        spec(.nextTab, [.tab], tabs),
        spec(.previousTab, [.backTab], tabs),
        spec(.back, [.escape], tabs, footer: true),
        spec(.yes, [.char("y"), .enter], [.confirm], footer: true, shown: "y"),
        spec(.no, [.char("n"), .escape], [.confirm], footer: true, shown: "n/Esc"),
        spec(.open, [.enter], [.history], footer: true, help: "action.open.version.help"),
        spec(.back, [.escape], [.history], footer: true, help: "action.back.history.help"),
        spec(.nextField, [.tab, .down], [.form], footer: true, shown: "Tab"),
        spec(.previousField, [.backTab, .up], [.form]),
        spec(.submit, [.enter], [.form], footer: true),
        spec(.cancel, [.escape], [.form], footer: true),
        // Ctrl-J is the line feed every terminal sends; the driver also reads Alt-Enter (Esc CR) as it.
        spec(.newLine, [.ctrl("j")], [.form], footer: true),
        spec(.closeHelp, [.escape, .char("?"), .char("q"), .f1], [.help], footer: true, shown: "Esc"),
        spec(.help, [.char("?"), .f1], KeyContext.withHelp, footer: true),
        spec(.help, [.f1], KeyContext.withHelpByF1, footer: true),
        spec(.quit, [.char("q")], [.caseload], footer: true),
        spec(.hide, [.char("L")], KeyContext.hiddenByL),
        spec(.hide, [.ctrl("x")], KeyContext.hiddenByCtrlX, help: "action.hideWhileTyping.help"),
        spec(.unlock, [.enter], [.privacy], footer: true),
        spec(.redraw, [.ctrl("l")], Set(KeyContext.allCases)),
        // The terminal driver stops the program on it (as on SIGTSTP); listed here for the help.
        spec(.suspend, [.ctrl("z")], Set(KeyContext.allCases)),
        spec(.interrupt, [.ctrl("c")], KeyContext.screens),
    ]

    /// The action `key` triggers in `context`, if any.
    public static func action(for key: Key, in context: KeyContext) -> ActionID? {
        all.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.id
    }

    /// The rows the footer shows in `context`, in table order.
    public static func footer(in context: KeyContext) -> [ActionSpec] {
        all.filter { $0.inFooter && $0.contexts.contains(context) }
    }

    /// The footer rows that must never be dropped for want of room: the way to the help (`?`),
    /// the way back (Esc) and the way out of the program (`q`), so that every screen says how
    /// to learn its keys and leave it, in every language.
    public static func essential(in context: KeyContext) -> [ActionSpec] {
        footer(in: context).filter { $0.id == .help || $0.id == .quit || $0.keys.contains(.escape) }
    }

    /// The rows the help screen lists for `context`, one per action.
    public static func help(in context: KeyContext) -> [ActionSpec] {
        var seen = Set<ActionID>()
        return all.filter { $0.contexts.contains(context) && seen.insert($0.id).inserted }
    }

    private static func spec(
        _ id: ActionID, _ keys: [Key], _ contexts: Set<KeyContext>,
        footer: Bool = false, shown: String? = nil, label: String? = nil, help: String? = nil
    ) -> ActionSpec {
        ActionSpec(id: id, keys: keys, contexts: contexts, inFooter: footer, footerKeys: shown, footerLabel: label, helpLabel: help)
    }
}
