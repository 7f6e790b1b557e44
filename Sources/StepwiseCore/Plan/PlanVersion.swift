import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One saved version of a plan: the whole plan as it stood, who changed what, and when.
public struct PlanVersion: Codable, Equatable, Sendable {
    public var version: Int
    public var stamp: Stamp
    /// Whose words the change was written in.
    public var author: Author
    public var change: PlanChange
    public var plan: Plan

    public init(version: Int, stamp: Stamp, author: Author, change: PlanChange, plan: Plan) {
        self.version = version
        self.stamp = stamp
        self.author = author
        self.change = change
        self.plan = plan
    }
}

/// The history of each participant's plan: `history/<id>.jsonl`, one version per line,
/// only ever appended to.
extension DataStore {
    var historyDir: URL { root.appendingPathComponent("history") }

    func historyFile(_ id: String) throws -> URL {
        _ = try participantFile(id)
        return historyDir.appendingPathComponent(id + ".jsonl")
    }

    /// Appends a version (one JSON line, written whole and fsynced).
    public func appendHistory(_ version: PlanVersion, participant id: String) throws {
        try AtomicFile.makeDirectory(historyDir)
        let url = try historyFile(id)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var line = try encoder.encode(version)
        line.append(0x0A)
        try AtomicFile.append(line, to: url)
    }

    /// Every readable version, oldest first; a line left half-written by a crash is skipped.
    public func loadHistory(participant id: String) -> [PlanVersion] {
        guard let url = try? historyFile(id), let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(PlanVersion.self, from: Data($0)) }
    }
}

/// What changed in a plan since the citizen last saw it agreed: since the last approval or
/// the last held mandatory conversation, whichever came later.
public enum PlanChanges {
    /// How a goal or step differs from the baseline.
    public enum Mark: Equatable, Sendable { case new, changed }

    /// The plan to compare with: as it stood at the last approval or when the last held
    /// conversation began (an
    /// empty version 0 when the plan was begun after it); nil when there is neither yet.
    public static func baseline(_ participant: Participant, history: [PlanVersion]) -> (version: Int, plan: Plan)? {
        var found: [(version: Int, plan: Plan)] = []
        if let approval = participant.plan.approvals.last {
            found.append(history.last { $0.version <= approval.version }.map { ($0.version, $0.plan) } ?? (0, Plan()))
        }
        // The moment each held conversation began: its session's start, else the end of its day.
        let heldMoments = participant.conversations.filter { $0.status == .held }.map { conversation -> Date in
            if let session = participant.sessions.last(where: { $0.kind.conversationNumber == conversation.number }) {
                return session.started.at
            }
            let day = conversation.statusChanged ?? conversation.planned
            return Date(timeIntervalSince1970: Double(day.ordinal + 1) * 86_400 - 1 - Double(TimeZone.current.secondsFromGMT()))
        }
        if let lastHeld = heldMoments.max() {
            found.append(history.last { $0.stamp.at <= lastHeld }.map { ($0.version, $0.plan) } ?? (0, Plan()))
        }
        return found.max { $0.version < $1.version }
    }

    /// Marks for goals and steps (by id) that are new or changed compared with `baseline`.
    public static func marks(_ plan: Plan, since baseline: Plan?) -> [String: Mark] {
        guard let baseline else { return [:] }
        var marks: [String: Mark] = [:]
        let oldGoals = Dictionary(baseline.goals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for goal in plan.goals {
            guard let old = oldGoals[goal.id] else {
                marks[goal.id] = .new
                goal.steps.forEach { marks[$0.id] = .new }
                continue
            }
            if old.kind != goal.kind || old.text.text != goal.text.text || old.dropped != goal.dropped || old.isSuggestion != goal.isSuggestion {
                marks[goal.id] = .changed
            }
            let oldSteps = Dictionary(old.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for step in goal.steps {
                guard let previous = oldSteps[step.id] else {
                    marks[step.id] = .new
                    continue
                }
                if previous.text.text != step.text.text || previous.status != step.status || previous.due != step.due
                    || previous.who != step.who || previous.isSuggestion != step.isSuggestion {
                    marks[step.id] = .changed
                }
            }
        }
        return marks
    }
}
