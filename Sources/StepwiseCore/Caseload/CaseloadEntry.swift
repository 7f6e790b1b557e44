import Foundation

/// One line of the caseload: a participant that could be read, or a file that could not.
public enum CaseloadRow: Equatable, Sendable {
    case participant(CaseloadEntry)
    case unreadable(id: String, problem: RecordProblem)

    /// The record id of the row.
    public var id: String {
        switch self {
        case .participant(let entry): return entry.id
        case .unreadable(let id, _): return id
        }
    }
}

/// What the caseload shows of a participant, kept small (80 bytes, strings of up to 15
/// UTF-8 bytes inline): days as 32-bit day numbers, of the next conversation only what the
/// caseload shows (number, day, status and its change). The caseload in memory keeps these
/// fields packed, with the strings in one shared buffer (`Caseload`).
public struct CaseloadEntry: Equatable, Sendable {
    public var id: String
    public var name: String
    /// The name as search compares it: lowercased, without diacritics, ø → o, æ → ae …
    /// (`CaseloadEntry.fold`). Kept in the caseload index, so that search as you type need
    /// not fold every name on every key.
    public var searchKey: String
    private(set) var start: Int32
    /// The next conversation's number, day, status (`Conversation.Status` case index, `noNext`
    /// when there is none) and the day its status changed.
    private(set) var nextNumber: Int32
    private(set) var nextPlanned: Int32
    private(set) var nextChanged: Int32
    private(set) var nextStatus: UInt8
    private(set) var lastContact: Int32
    private(set) var due: Int32
    /// True when the job-search agreement asks for at least one contact a week.
    public var contactsAgreed: Bool

    /// No day, in the 32-bit fields.
    private static let none = Int32.min
    /// No next conversation, in `nextStatus`.
    private static let noNext = UInt8.max

    public var courseStart: Day {
        get { Day(ordinal: Int(start)) }
        set { start = Int32(clamping: newValue.ordinal) }
    }

    /// The next conversation as the caseload shows it: number, planned day, status and the
    /// day the status changed (not its time, earlier days or calendar sequence).
    public var nextConversation: Conversation? {
        get {
            guard nextStatus != Self.noNext else { return nil }
            return Conversation(
                number: Int(nextNumber), planned: Day(ordinal: Int(nextPlanned)),
                status: Conversation.Status.allCases[Int(nextStatus)], statusChanged: Self.day(nextChanged))
        }
        set {
            nextNumber = newValue.map { Int32(clamping: $0.number) } ?? 0
            nextPlanned = newValue.map { Int32(clamping: $0.planned.ordinal) } ?? 0
            nextStatus = newValue.flatMap { next in Conversation.Status.allCases.firstIndex(of: next.status).map(UInt8.init) } ?? Self.noNext
            nextChanged = Self.ordinal(newValue?.statusChanged)
        }
    }

    /// The day of the latest employer contact, if any (for `jobSearchSignal`).
    public var lastEmployerContact: Day? {
        get { Self.day(lastContact) }
        set { lastContact = Self.ordinal(newValue) }
    }

    /// The day the next follow-along contact is due, if support is running.
    public var followAlongDue: Day? {
        get { Self.day(due) }
        set { due = Self.ordinal(newValue) }
    }

    private static func day(_ ordinal: Int32) -> Day? { ordinal == none ? nil : Day(ordinal: Int(ordinal)) }
    private static func ordinal(_ day: Day?) -> Int32 { day.map { Int32(clamping: $0.ordinal) } ?? none }

    public init(_ participant: Participant) {
        self.init(
            id: participant.id, name: participant.name, searchKey: CaseloadEntry.fold(participant.name),
            courseStart: participant.courseStart, nextConversation: participant.nextConversation,
            lastEmployerContact: participant.lastEmployerContact, followAlongDue: participant.followAlong?.nextDue,
            contactsAgreed: participant.contactsAgreed)
    }

    /// An entry from its fields as `Caseload` packs them.
    init(
        id: String, name: String, searchKey: String, start: Int32, nextNumber: Int32, nextPlanned: Int32, nextChanged: Int32,
        nextStatus: UInt8, lastContact: Int32, due: Int32, contactsAgreed: Bool
    ) {
        self.id = id
        self.name = name
        self.searchKey = searchKey
        self.start = start
        self.nextNumber = nextNumber
        self.nextPlanned = nextPlanned
        self.nextChanged = nextChanged
        self.nextStatus = nextStatus
        self.lastContact = lastContact
        self.due = due
        self.contactsAgreed = contactsAgreed
    }

    /// An entry as the caseload index holds it.
    init(
        id: String, name: String, searchKey: String, courseStart: Day, nextConversation: Conversation?,
        lastEmployerContact: Day? = nil, followAlongDue: Day? = nil, contactsAgreed: Bool = false
    ) {
        self.id = id
        self.name = name
        self.searchKey = searchKey
        self.contactsAgreed = contactsAgreed
        start = Int32(clamping: courseStart.ordinal)
        nextNumber = 0
        nextPlanned = 0
        nextChanged = Self.none
        nextStatus = Self.noNext
        lastContact = Self.ordinal(lastEmployerContact)
        due = Self.ordinal(followAlongDue)
        self.nextConversation = nextConversation
    }

    /// Letters that diacritic folding keeps but a person types without: "sor" finds "Søren".
    private static let letters: [Character: String] = ["ø": "o", "æ": "ae", "ß": "ss", "œ": "oe", "ł": "l", "đ": "d", "þ": "th"]

    /// `text` lowercased and without diacritics, as search matches it ("jurgen" finds
    /// "Jürgen", "sor" finds "Søren"). A change here must raise `CaseloadIndex.formatVersion`,
    /// because the index keeps the folded names.
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard folded.contains(where: { letters[$0] != nil }) else { return folded }
        return folded.reduce(into: "") { result, character in
            if let plain = letters[character] { result += plain } else { result.append(character) }
        }
    }

    /// The caseload order: by name as the coach's language sorts it (`order`: Danish and
    /// Swedish put Å after Z, numbers by value, case ignored), then by id.
    static func ordered(_ lhs: CaseloadEntry, _ rhs: CaseloadEntry, in order: LocaleFormats) -> Bool {
        switch order.compare(lhs.name, rhs.name) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return lhs.id < rhs.id
        }
    }
}
