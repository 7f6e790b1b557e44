import Foundation

/// The changes a coach and a citizen make to a plan. Each returns a short description of
/// the change for the history, or nil when nothing changed.
public struct PlanEditor: Sendable {
    /// Who is writing, and their name.
    public var author: Author
    public var name: String
    public var now: Date
    public var today: Day
    /// The coach at the keyboard, kept with the citizen's words (`Words.via`); nil when not known.
    public var coach: String?
    /// Makes the id of a new goal ("g") or step ("s") from its prefix.
    public var makeID: @Sendable (String) -> String

    public init(
        author: Author, name: String, now: Date, today: Day, coach: String? = nil,
        makeID: @escaping @Sendable (String) -> String = { RecordID.generate(prefix: $0) }
    ) {
        self.coach = coach
        self.author = author
        self.name = name
        self.now = now
        self.today = today
        self.makeID = makeID
    }

    /// Text in the words of this editor's author.
    public func words(_ text: String) -> Words {
        Words(text, author: author, by: name, at: now, via: author == .citizen && coach != name ? coach : nil)
    }

    /// Writes (or, with empty text, clears) one "about me" entry.
    public func setAbout(_ topic: AboutMe, _ text: String, in plan: inout Plan) -> PlanChange? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard plan.aboutMe[topic.rawValue]?.text != trimmed else { return nil }
        plan.aboutMe[topic.rawValue] = trimmed.isEmpty ? nil : words(trimmed)
        return PlanChange(.about, trimmed)
    }

    /// Adds a goal at the end; a goal written by anyone but the citizen is a suggestion.
    public func addGoal(kind: GoalKind, text: String, in plan: inout Plan) -> PlanChange {
        plan.goals.append(Goal(id: makeID("g"), kind: kind, text: words(text)))
        return PlanChange(.addGoal, text)
    }

    /// Changes a goal's kind or words. The citizen rewording a suggestion makes it theirs.
    public func editGoal(_ id: String, kind: GoalKind, text: String, in plan: inout Plan) -> PlanChange? {
        guard let index = plan.goals.firstIndex(where: { $0.id == id }) else { return nil }
        var goal = plan.goals[index]
        if goal.kind == kind && goal.text.text == text { return nil }
        goal.kind = kind
        if goal.text.text != text { goal.text = words(text) }
        if author == .citizen && goal.isSuggestion { accept(&goal.isSuggestion, &goal.accepted) }
        plan.goals[index] = goal
        return PlanChange(.editGoal, text)
    }

    /// Adds a step at the end of a goal.
    public func addStep(to goalID: String, text: String, who: Doer, due: Day?, in plan: inout Plan) -> PlanChange? {
        guard let index = plan.goals.firstIndex(where: { $0.id == goalID }) else { return nil }
        plan.goals[index].steps.append(Step(id: makeID("s"), text: words(text), who: who, due: due, on: today))
        return PlanChange(.addStep, text)
    }

    /// Changes a step's words, doer, date or status.
    public func editStep(
        _ stepID: String, in goalID: String, text: String, who: Doer, due: Day?, status: Step.Status,
        in plan: inout Plan
    ) -> PlanChange? {
        guard let (g, s) = locate(stepID, in: goalID, plan) else { return nil }
        var step = plan.goals[g].steps[s]
        let before = step
        if step.text.text != text { step.text = words(text) }
        step.who = who
        step.due = due
        if step.status != status {
            step.status = status
            step.statusChanged = today
        }
        if step == before { return nil }
        if author == .citizen && step.isSuggestion { accept(&step.isSuggestion, &step.accepted) }
        plan.goals[g].steps[s] = step
        return PlanChange(.editStep, text)
    }

    /// Moves a step to its next status: planned → doing → done → planned.
    public func advanceStep(_ stepID: String, in goalID: String, in plan: inout Plan) -> PlanChange? {
        guard let (g, s) = locate(stepID, in: goalID, plan) else { return nil }
        let next: Step.Status
        switch plan.goals[g].steps[s].status {
        case .planned: next = .doing
        case .doing: next = .done
        case .done, .dropped: next = .planned
        }
        plan.goals[g].steps[s].status = next
        plan.goals[g].steps[s].statusChanged = today
        return PlanChange(.stepStatus, plan.goals[g].steps[s].text.text, detail: next.rawValue)
    }

    /// Drops a goal (it stays in the plan, marked dropped, and in the history).
    public func dropGoal(_ id: String, in plan: inout Plan) -> PlanChange? {
        guard let index = plan.goals.firstIndex(where: { $0.id == id }), plan.goals[index].dropped == nil else { return nil }
        plan.goals[index].dropped = today
        return PlanChange(.dropGoal, plan.goals[index].text.text)
    }

    /// Drops a step.
    public func dropStep(_ stepID: String, in goalID: String, in plan: inout Plan) -> PlanChange? {
        guard let (g, s) = locate(stepID, in: goalID, plan), plan.goals[g].steps[s].status != .dropped else { return nil }
        plan.goals[g].steps[s].status = .dropped
        plan.goals[g].steps[s].statusChanged = today
        return PlanChange(.dropStep, plan.goals[g].steps[s].text.text)
    }

    /// Moves a goal one place up (-1) or down (+1).
    public func moveGoal(_ id: String, by offset: Int, in plan: inout Plan) -> PlanChange? {
        guard let index = plan.goals.firstIndex(where: { $0.id == id }),
            plan.goals.indices.contains(index + offset)
        else { return nil }
        plan.goals.swapAt(index, index + offset)
        return PlanChange(.reorder, plan.goals[index + offset].text.text)
    }

    /// Moves a step one place up (-1) or down (+1) within its goal.
    public func moveStep(_ stepID: String, in goalID: String, by offset: Int, in plan: inout Plan) -> PlanChange? {
        guard let (g, s) = locate(stepID, in: goalID, plan), plan.goals[g].steps.indices.contains(s + offset) else { return nil }
        plan.goals[g].steps.swapAt(s, s + offset)
        return PlanChange(.reorder, plan.goals[g].steps[s + offset].text.text)
    }

    /// The citizen accepts a suggested goal or step as part of their plan.
    public func accept(goal goalID: String, step stepID: String?, in plan: inout Plan) -> PlanChange? {
        guard let g = plan.goals.firstIndex(where: { $0.id == goalID }) else { return nil }
        if let stepID {
            guard let s = plan.goals[g].steps.firstIndex(where: { $0.id == stepID }), plan.goals[g].steps[s].isSuggestion else {
                return nil
            }
            var step = plan.goals[g].steps[s]
            accept(&step.isSuggestion, &step.accepted)
            plan.goals[g].steps[s] = step
            return PlanChange(.accept, step.text.text)
        }
        var goal = plan.goals[g]
        guard goal.isSuggestion else { return nil }
        accept(&goal.isSuggestion, &goal.accepted)
        plan.goals[g] = goal
        return PlanChange(.accept, goal.text.text)
    }

    /// Turns down a suggested goal (`stepID` nil) or step, keeping `reason` with it; the goal
    /// or step is dropped. Nil when it is not a suggestion (what is the citizen's is dropped,
    /// not turned down) or the reason is empty.
    public func reject(goal goalID: String, step stepID: String?, reason: String, in plan: inout Plan) -> PlanChange? {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, let g = plan.goals.firstIndex(where: { $0.id == goalID }) else { return nil }
        if let stepID {
            guard let s = plan.goals[g].steps.firstIndex(where: { $0.id == stepID }), plan.goals[g].steps[s].isSuggestion,
                plan.goals[g].steps[s].status != .dropped
            else { return nil }
            plan.goals[g].steps[s].status = .dropped
            plan.goals[g].steps[s].statusChanged = today
            plan.goals[g].steps[s].rejection = words(reason)
            return PlanChange(.reject, plan.goals[g].steps[s].text.text, detail: reason)
        }
        guard plan.goals[g].isSuggestion, plan.goals[g].dropped == nil else { return nil }
        plan.goals[g].dropped = today
        plan.goals[g].rejection = words(reason)
        return PlanChange(.reject, plan.goals[g].text.text, detail: reason)
    }

    /// Records the citizen's approval of the plan as it stands (the version being saved).
    public func approve(conversation: Int?, in plan: inout Plan) -> PlanChange {
        plan.approvals.append(
            Approval(
                day: today, version: plan.version + 1, conversation: conversation,
                stamp: Stamp(by: name, at: now)))
        return PlanChange(.approve, "")
    }

    private func accept(_ isSuggestion: inout Bool, _ accepted: inout Stamp?) {
        isSuggestion = false
        accepted = Stamp(by: name, at: now)
    }

    /// Links step `stepID` of goal `goalID` to the offer `offerID` it was booked into; nil
    /// when the plan has no such step.
    public func linkStep(_ stepID: String, in goalID: String, to offerID: String, in plan: inout Plan) -> PlanChange? {
        guard let (g, s) = locate(stepID, in: goalID, plan) else { return nil }
        plan.goals[g].steps[s].offerId = offerID
        return PlanChange(.editStep, plan.goals[g].steps[s].text.text)
    }

    private func locate(_ stepID: String, in goalID: String, _ plan: Plan) -> (Int, Int)? {
        guard let g = plan.goals.firstIndex(where: { $0.id == goalID }),
            let s = plan.goals[g].steps.firstIndex(where: { $0.id == stepID })
        else { return nil }
        return (g, s)
    }
}

/// What a saved change did, for the history: a kind and the words it concerned.
public struct PlanChange: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case about, addGoal, editGoal, dropGoal, addStep, editStep, stepStatus, dropStep, reorder, accept, approve, undo, conversation
        /// A suggestion turned down; `detail` is the reason.
        case reject
        case session, note, rating, milestone, outcome, contact, jobSearch
    }

    public var kind: Kind
    /// The text of the goal or step concerned (shortened in views).
    public var subject: String
    /// E.g. the new status.
    public var detail: String?

    public init(_ kind: Kind, _ subject: String, detail: String? = nil) {
        self.kind = kind
        self.subject = subject
        self.detail = detail
    }
}
