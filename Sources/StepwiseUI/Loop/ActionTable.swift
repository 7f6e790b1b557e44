/// Every action a key can trigger.
public enum ActionID: String, CaseIterable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, open, search, add, back
    case nextTab, previousTab, tabPlan, tabOffers, tabNotes, tabProgress, tabSummary
    case nextField, previousField, submit, cancel, closeHelp
    case edit, addStep, addGoal, drop, moveItemUp, moveItemDown, advance, accept, approve, switchWriter, history, undo
    case session, rate, newNote, filter, versions, addMilestone, outcome, addContact
    case book, unbook, group, hide, unlock
    case auditLog
    case internship, followUp, print, printTo, calendarFile
    case catalogue, addOffer, editOffer, cancelOffer, attendance, attended, absent, excused, allAttended, previousSession, nextSession
    case yes, no
    case help, redraw, quit, interrupt
}

/// Where the user is, which decides what the keys mean.
public enum KeyContext: Hashable, Sendable {
    case caseload, searching, participant, plan, notes, progress, offers, offerDetail, form, confirm, history, help, privacy
    case catalogue, catalogueDetail, attendance, auditLog, summary
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

    /// String-table key of the short footer label.
    public var labelKey: String { footerLabel ?? "action.\(id.rawValue)" }
    /// String-table key of the help text.
    public var helpKey: String { "action.\(id.rawValue).help" }

    /// The keys as the help screen lists them, e.g. "↑ k".
    public var keysText: String { keys.map(\.label).joined(separator: " ") }
}

/// The table of actions.
public enum ActionTable {
    private static let everywhere: Set<KeyContext> = [.caseload, .searching, .participant, .plan, .notes, .progress, .offers,
                                                      .offerDetail, .form, .confirm, .history, .help, .catalogue, .catalogueDetail, .attendance,
                                                      .auditLog, .summary]
    private static let tabs: Set<KeyContext> = [.participant, .plan, .notes, .progress, .offers, .summary]

    public static let all: [ActionSpec] = [
        spec(.moveUp, [.up, .char("k")], [.caseload, .participant, .history], footer: true, shown: "↑↓"),
        spec(.moveUp, [.up, .char("k")], [.plan, .notes, .progress, .offers, .offerDetail]),
        spec(.moveUp, [.up], [.searching]),
        spec(.moveDown, [.down, .char("j")], [.caseload, .participant, .plan, .notes, .progress, .offers, .offerDetail, .history]),
        spec(.moveDown, [.down], [.searching]),
        spec(.pageUp, [.pageUp], [.caseload, .searching, .participant, .plan, .notes, .progress, .offers]),
        spec(.pageDown, [.pageDown], [.caseload, .searching, .participant, .plan, .notes, .progress, .offers]),
        spec(.open, [.enter], [.caseload, .searching], footer: true),
        spec(.search, [.char("/")], [.caseload], footer: true),
        spec(.add, [.char("a")], [.caseload], footer: true),
        spec(.catalogue, [.char("o")], [.caseload], footer: true),
        spec(.moveUp, [.up, .char("k")], [.catalogue, .catalogueDetail, .attendance]),
        spec(.moveDown, [.down, .char("j")], [.catalogue, .catalogueDetail, .attendance]),
        spec(.pageUp, [.pageUp], [.catalogue]),
        spec(.pageDown, [.pageDown], [.catalogue]),
        spec(.open, [.enter], [.catalogue]),
        spec(.addOffer, [.char("a")], [.catalogue], footer: true),
        spec(.editOffer, [.char("e")], [.catalogue, .catalogueDetail], footer: true),
        spec(.cancelOffer, [.char("d")], [.catalogue, .catalogueDetail], footer: true, label: "action.cancelOffer.short"),
        spec(.attendance, [.char("t")], [.catalogue, .catalogueDetail], footer: true),
        spec(.internship, [.char("I")], [.catalogue, .catalogueDetail]),
        spec(.followUp, [.char("F")], [.catalogue, .catalogueDetail]),
        spec(.filter, [.char("f"), .char("/")], [.catalogue], footer: true),
        spec(.group, [.char("G")], [.catalogue]),
        spec(.attended, [.char("1")], [.attendance], footer: true),
        spec(.absent, [.char("2")], [.attendance], footer: true),
        spec(.excused, [.char("3")], [.attendance], footer: true),
        spec(.allAttended, [.char("A")], [.attendance], footer: true),
        spec(.previousSession, [.left], [.attendance]),
        spec(.nextSession, [.right], [.attendance], footer: true, shown: "←→", label: "action.sessions"),
        spec(.back, [.escape], [.catalogue, .catalogueDetail, .attendance, .auditLog], footer: true),
        spec(.auditLog, [.char("i")], [.participant, .plan, .notes, .progress, .offers, .summary]),
        spec(.moveUp, [.up, .char("k")], [.summary], footer: true, shown: "↑↓", label: "action.scroll"),
        spec(.moveDown, [.down, .char("j")], [.summary]),
        spec(.pageUp, [.pageUp], [.summary]),
        spec(.pageDown, [.pageDown, .char(" ")], [.summary]),
        spec(.print, [.char("p")], [.summary], footer: true),
        spec(.printTo, [.char("P")], [.summary]),
        spec(.calendarFile, [.char("c")], [.summary], footer: true),
        spec(.cancel, [.escape], [.searching], footer: true),
        spec(.edit, [.enter, .char("e")], [.plan, .notes], footer: true),
        spec(.newNote, [.char("n")], [.notes], footer: true),
        spec(.newNote, [.char("n")], [.plan, .progress, .participant, .offers]),
        spec(.filter, [.char("f")], [.notes], footer: true),
        spec(.versions, [.char("v")], [.notes]),
        spec(.session, [.char("s")], [.notes, .progress], footer: true),
        spec(.session, [.char("s")], [.plan, .participant, .offers]),
        spec(.rate, [.char("r")], [.progress, .notes], footer: true),
        spec(.rate, [.char("r")], [.plan, .participant, .offers]),
        spec(.addMilestone, [.char("m")], [.progress], footer: true),
        spec(.outcome, [.char("o")], [.progress]),
        spec(.addContact, [.char("c")], [.plan]),
        spec(.open, [.enter], [.offers], footer: true, label: "action.details"),
        spec(.book, [.char("b")], [.offers, .offerDetail], footer: true),
        spec(.unbook, [.char("x")], [.offers, .offerDetail], footer: true),
        spec(.filter, [.char("f"), .char("/")], [.offers], footer: true),
        spec(.group, [.char("G")], [.offers]),
        spec(.back, [.escape], [.offerDetail], footer: true),
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
        spec(.history, [.char("h")], [.plan]),
        spec(.undo, [.char("u")], [.plan]),
        spec(.tabPlan, [.char("1")], tabs, footer: true, shown: "1-5", label: "action.tabs"),
        spec(.tabOffers, [.char("2")], tabs),
        spec(.tabNotes, [.char("3")], tabs),
        spec(.tabProgress, [.char("4")], tabs),
        spec(.tabSummary, [.char("5")], tabs),
        spec(.nextTab, [.tab], tabs),
        spec(.previousTab, [.backTab], tabs),
        spec(.back, [.escape], tabs, footer: true),
        spec(.yes, [.char("y"), .enter], [.confirm], footer: true, shown: "y"),
        spec(.no, [.char("n"), .escape], [.confirm], footer: true, shown: "n"),
        spec(.open, [.enter], [.history], footer: true),
        spec(.back, [.escape], [.history], footer: true),
        spec(.nextField, [.tab, .down], [.form], footer: true, shown: "Tab"),
        spec(.previousField, [.backTab, .up], [.form]),
        spec(.submit, [.enter], [.form], footer: true),
        spec(.cancel, [.escape], [.form], footer: true),
        spec(.closeHelp, [.escape, .char("?"), .char("q")], [.help], footer: true, shown: "Esc"),
        spec(.help, [.char("?")], [.caseload, .participant, .plan, .notes, .progress, .offers, .offerDetail, .catalogue,
                                   .catalogueDetail, .attendance, .summary], footer: true),
        spec(.quit, [.char("q")], [.caseload], footer: true),
        spec(.hide, [.char("L")], [.caseload, .participant, .plan, .notes, .progress, .offers, .offerDetail, .confirm, .history, .help,
                                   .catalogue, .catalogueDetail, .attendance, .auditLog, .summary],
             footer: false),
        spec(.hide, [.ctrl("x")], [.form, .searching]),
        spec(.unlock, [.enter], [.privacy], footer: true),
        spec(.redraw, [.ctrl("l")], everywhere.union([.privacy])),
        spec(.interrupt, [.ctrl("c")], everywhere),
    ]

    /// The action `key` triggers in `context`, if any.
    public static func action(for key: Key, in context: KeyContext) -> ActionID? {
        all.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.id
    }

    /// The rows the footer shows in `context`, in table order.
    public static func footer(in context: KeyContext) -> [ActionSpec] {
        all.filter { $0.inFooter && $0.contexts.contains(context) }
    }

    /// The rows the help screen lists for `context`, one per action.
    public static func help(in context: KeyContext) -> [ActionSpec] {
        var seen = Set<ActionID>()
        return all.filter { $0.contexts.contains(context) && seen.insert($0.id).inserted }
    }

    private static func spec(_ id: ActionID, _ keys: [Key], _ contexts: Set<KeyContext>,
                             footer: Bool = false, shown: String? = nil, label: String? = nil) -> ActionSpec {
        ActionSpec(id: id, keys: keys, contexts: contexts, inFooter: footer, footerKeys: shown, footerLabel: label)
    }
}
