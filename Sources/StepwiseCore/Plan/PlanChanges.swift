import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What changed in a plan since the citizen last saw it agreed: since the last approval or
/// the last held mandatory conversation, whichever came later.
public enum PlanChanges {
    /// How a goal or step differs from the baseline.
    public enum Mark: Equatable, Sendable { case new, changed }

    /// The plan to compare with: as it stood at the last approval or when the last held
    /// conversation began (an empty version 0 when the plan was begun after it); nil when
    /// there is neither yet. A conversation held without a session counts from the end of its
    /// day in `timeZone`.
    public static func baseline(_ participant: Participant, history: [PlanVersion],
                                timeZone: TimeZone = .current) -> (version: Int, plan: Plan)? {
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
            return Date(timeIntervalSince1970: Double(day.ordinal + 1) * 86_400 - 1 - Double(timeZone.secondsFromGMT()))
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
