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
    /// there is neither yet. A conversation whose session is still running is the one being
    /// held now: the marks then show what changed since the conversation before it (or the
    /// last approval), so they do not vanish the moment a conversation starts; only when
    /// there is nothing earlier does the running conversation's start count. A conversation
    /// held without a session counts from the end of its day in `timeZone`.
    public static func baseline(
        _ participant: Participant, history: [PlanVersion],
        timeZone: TimeZone = .current
    ) -> (version: Int, plan: Plan)? {
        let needs = BaselineNeeds(participant, timeZone: timeZone)
        func version(at moment: Date) -> (version: Int, plan: Plan) {
            history.last { $0.stamp.at <= moment }.map { ($0.version, $0.plan) } ?? (0, Plan())
        }
        var found: [(version: Int, plan: Plan)] = []
        if let approved = needs.approved {
            found.append(history.last { $0.version <= approved }.map { ($0.version, $0.plan) } ?? (0, Plan()))
        }
        if let lastHeld = needs.lastHeld { found.append(version(at: lastHeld)) }
        if found.isEmpty, let start = needs.running { found.append(version(at: start)) }
        return found.max { $0.version < $1.version }
    }

    /// Whether the versions from `version` to the newest hold the baseline, so that reading
    /// the history back from its end to the first version this accepts (instead of all of it)
    /// gives the same baseline: the baseline is the newest of the versions each rule picks (the
    /// last approved version, the last one saved before the last held conversation began, or,
    /// with neither, before the running one began), and read from the end the first version a
    /// rule picks is that newest one. True for every version when there is no baseline.
    public static func reaches(_ version: PlanVersion, for participant: Participant, timeZone: TimeZone = .current) -> Bool {
        let needs = BaselineNeeds(participant, timeZone: timeZone)
        if let approved = needs.approved, version.version <= approved { return true }
        if let lastHeld = needs.lastHeld, version.stamp.at <= lastHeld { return true }
        guard needs.approved == nil && needs.lastHeld == nil else { return false }
        return needs.running.map { version.stamp.at <= $0 } ?? true
    }

    /// What the baseline is taken from: the last approved version, the moment the last
    /// finished held conversation began, and the moment the running one began.
    private struct BaselineNeeds {
        var approved: Int?
        var lastHeld: Date?
        var running: Date?

        init(_ participant: Participant, timeZone: TimeZone) {
            approved = participant.plan.approvals.last?.version
            // The moment each held conversation began: its session's start, else the end of its day.
            var finished: [Date] = []
            var running: [Date] = []
            for conversation in participant.conversations where conversation.status == .held {
                if let session = participant.session(ofConversation: conversation.number) {
                    if session.isOpen { running.append(session.started.at) } else { finished.append(session.started.at) }
                } else {
                    let day = conversation.statusChanged ?? conversation.planned
                    finished.append(Date(timeIntervalSince1970: Double(day.ordinal + 1) * 86_400 - 1 - Double(timeZone.secondsFromGMT())))
                }
            }
            lastHeld = finished.max()
            self.running = running.max()
        }
    }

    /// What one version of a plan did to the goals and steps of the one before it.
    public struct Difference: Equatable, Sendable {
        public enum Kind: String, Equatable, Sendable { case added, changed, dropped }
        public var kind: Kind
        /// The goal's or step's words.
        public var text: String
        public var isStep: Bool
    }

    /// The goals and steps added, changed and dropped (marked dropped, or gone, e.g. by an
    /// undo) from `old` to `new`, goals first in plan order, each followed by its steps.
    public static func differences(from old: Plan, to new: Plan) -> [Difference] {
        let marks = marks(new, since: old)
        var out: [Difference] = []
        let newGoals = Dictionary(new.goals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for goal in new.goals {
            let wasDropped = old.goal(goal.id)?.dropped != nil
            if goal.dropped != nil && !wasDropped && old.goal(goal.id) != nil {
                out.append(Difference(kind: .dropped, text: goal.text.text, isStep: false))
            } else if let mark = marks[goal.id] {
                out.append(Difference(kind: mark == .new ? .added : .changed, text: goal.text.text, isStep: false))
            }
            let oldSteps = old.goal(goal.id)?.steps ?? []
            for step in goal.steps {
                let before = oldSteps.first { $0.id == step.id }
                if step.status == .dropped, let before, before.status != .dropped {
                    out.append(Difference(kind: .dropped, text: step.text.text, isStep: true))
                } else if let mark = marks[step.id] {
                    out.append(Difference(kind: mark == .new ? .added : .changed, text: step.text.text, isStep: true))
                }
            }
            for step in oldSteps where !goal.steps.contains(where: { $0.id == step.id }) {
                out.append(Difference(kind: .dropped, text: step.text.text, isStep: true))
            }
        }
        for goal in old.goals where newGoals[goal.id] == nil {
            out.append(Difference(kind: .dropped, text: goal.text.text, isStep: false))
        }
        return out
    }

    /// The key of an "about me" answer among the marks (no goal or step id begins so).
    public static func aboutKey(_ topic: AboutMe) -> String { "about:" + topic.rawValue }

    /// Marks for goals and steps (by id) and "about me" answers (by `aboutKey`) that are new
    /// or changed compared with `baseline`.
    public static func marks(_ plan: Plan, since baseline: Plan?) -> [String: Mark] {
        guard let baseline else { return [:] }
        var marks: [String: Mark] = [:]
        for topic in AboutMe.allCases {
            guard let words = plan.aboutMe[topic.rawValue] else { continue }
            let before = baseline.aboutMe[topic.rawValue]
            if before == nil { marks[aboutKey(topic)] = .new } else if before?.text != words.text { marks[aboutKey(topic)] = .changed }
        }
        let oldGoals = Dictionary(baseline.goals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for goal in plan.goals {
            guard let old = oldGoals[goal.id] else {
                marks[goal.id] = .new
                goal.steps.forEach { marks[$0.id] = .new }
                continue
            }
            if old.kind != goal.kind || old.text.text != goal.text.text || old.dropped != goal.dropped
                || old.isSuggestion != goal.isSuggestion
            {
                marks[goal.id] = .changed
            }
            let oldSteps = Dictionary(old.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for step in goal.steps {
                guard let previous = oldSteps[step.id] else {
                    marks[step.id] = .new
                    continue
                }
                if previous.text.text != step.text.text || previous.status != step.status || previous.due != step.due
                    || previous.who != step.who || previous.isSuggestion != step.isSuggestion
                {
                    marks[step.id] = .changed
                }
            }
        }
        return marks
    }
}
