import Foundation

/// One line of the caseload: a participant that could be read, or a file that could not.
public enum CaseloadRow: Equatable, Sendable {
    case participant(CaseloadEntry)
    case unreadable(id: String, problem: RecordProblem)

    /// The record id of the row.
    public var id: String {
        switch self {
        case let .participant(entry): return entry.id
        case let .unreadable(id, _): return id
        }
    }
}

/// What the caseload shows of a participant.
public struct CaseloadEntry: Equatable, Sendable {
    public var id: String
    public var name: String
    public var courseStart: Day
    public var nextConversation: Conversation?

    public init(_ participant: Participant) {
        id = participant.id
        name = participant.name
        courseStart = participant.courseStart
        nextConversation = participant.nextConversation
    }
}

extension DataStore {
    /// Every participant as a caseload row, sorted by name; unreadable files come last.
    public func loadCaseload() -> [CaseloadRow] {
        var entries: [CaseloadEntry] = []
        var unreadable: [CaseloadRow] = []
        for id in participantIDs() {
            do {
                entries.append(CaseloadEntry(try loadParticipant(id)))
            } catch let problem as RecordProblem {
                unreadable.append(.unreadable(id: id, problem: problem))
            } catch {
                unreadable.append(.unreadable(id: id, problem: RecordProblem(file: "participants/\(id).json", reason: "\(error)")))
            }
        }
        let sorted = entries.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        return sorted.map(CaseloadRow.participant) + unreadable
    }
}
