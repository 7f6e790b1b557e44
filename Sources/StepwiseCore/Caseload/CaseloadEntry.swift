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

/// What the caseload shows of a participant.
public struct CaseloadEntry: Equatable, Sendable {
    public var id: String
    public var name: String
    public var courseStart: Day
    public var nextConversation: Conversation?
    /// The name as search compares it: lowercased, without diacritics, ø → o, æ → ae …
    /// (`CaseloadEntry.fold`). Kept in the caseload index, so that search as you type need
    /// not fold every name on every key.
    public var searchKey: String
    /// The day of the latest employer contact, if any (for `jobSearchSignal`).
    public var lastEmployerContact: Day?
    /// The day the next follow-along contact is due, if support is running.
    public var followAlongDue: Day?
    /// True when the job-search agreement asks for at least one contact a week.
    public var contactsAgreed: Bool

    public init(_ participant: Participant) {
        id = participant.id
        name = participant.name
        courseStart = participant.courseStart
        nextConversation = participant.nextConversation
        searchKey = CaseloadEntry.fold(participant.name)
        lastEmployerContact = participant.lastEmployerContact
        followAlongDue = participant.followAlong?.nextDue
        contactsAgreed = participant.contactsAgreed
    }

    /// An entry as the caseload index holds it.
    init(
        id: String, name: String, searchKey: String, courseStart: Day, nextConversation: Conversation?,
        lastEmployerContact: Day? = nil, followAlongDue: Day? = nil, contactsAgreed: Bool = false
    ) {
        self.id = id
        self.name = name
        self.searchKey = searchKey
        self.courseStart = courseStart
        self.nextConversation = nextConversation
        self.lastEmployerContact = lastEmployerContact
        self.followAlongDue = followAlongDue
        self.contactsAgreed = contactsAgreed
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
