import StepwiseCore

/// The plan tab's part of the update: selecting rows, opening forms, and saved changes.
enum PlanUpdate {
    /// The rows of the open participant's plan tab.
    static func rows(_ open: OpenParticipant, env: UIEnvironment, today: Day) -> [PlanRow] {
        rows(of: PlanLines.lines(open.participant, plan: open.participant.plan, marks: [:], today: today, env: env))
    }

    /// The rows of drawn plan lines: one per entry, however many lines it wraps to.
    static func rows(of lines: [(line: StyledLine, row: PlanRow?)]) -> [PlanRow] {
        let all = lines.compactMap(\.row)
        return all.enumerated().filter { $0.offset == 0 || all[$0.offset - 1] != $0.element }.map(\.element)
    }

    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard var open = state.open else { return [] }
        let rows = rows(open, env: env, today: state.today)
        let row = rows.indices.contains(open.planSelection) ? rows[open.planSelection] : nil
        let page = max(1, state.height - 9)
        switch action {
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            open.planSelection = ListCursor(open.planSelection, count: rows.count, page: page).moved(by: action)
        case .switchWriter?:
            open.writer = WriterLine.next(after: open.writer)
        case .history?:
            state.historyBrowser = HistoryBrowser()
            return []
        case .edit?, .addStep?, .addGoal?, .advance?, .accept?, .drop?, .moveItemUp?, .moveItemDown?, .approve?, .undo?:
            guard !open.isReadOnly else {
                state.message = Message(env.strings("participant.readOnlyShort"), kind: .error)
                return []
            }
            return change(action, row: row, state: &state, env: env)
        default:
            return nil
        }
        state.open = open
        return []
    }

    private static func change(_ action: ActionID?, row: PlanRow?, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard let open = state.open else { return [] }
        let plan = open.participant.plan
        let s = env.strings
        switch (action, row) {
        case let (.edit?, .about(topic)?): state.form = PlanForms.about(topic, plan: plan)
        case let (.edit?, .goal(id)?): state.form = PlanForms.goal(plan.goal(id))
        case let (.edit?, .step(goal, step)?):
            state.form = PlanForms.step(goal: goal, plan.goal(goal)?.steps.first { $0.id == step }, strings: s)
        case let (.edit?, .conversation(number)?):
            if let conversation = open.participant.conversations.first(where: { $0.number == number }) {
                state.form = PlanForms.conversation(conversation, strings: s)
            }
        case let (.edit?, .contact(id)?):
            state.form = CoachingForms.contact(open.participant.contacts.first { $0.id == id })
        case (.addGoal?, _), (.addStep?, nil), (.addStep?, .about?), (.addStep?, .conversation?), (.addStep?, .contact?):
            if action == .addStep, !plan.goals.isEmpty {
                state.message = Message(s("plan.selectGoal"))
            } else {
                state.form = PlanForms.goal(nil)
            }
        case let (.addStep?, .goal(goal)?), let (.addStep?, .step(goal, _)?):
            state.form = PlanForms.step(goal: goal, nil, strings: s)
        case let (.advance?, .step(goal, step)?):
            if let done = plan.goal(goal)?.steps.first(where: { $0.id == step && $0.status == .done }) {
                // The status goes round from done to planned: a done step is not undone unasked.
                state.confirm = Confirm(purpose: .reopenStep(goal: goal, step: step), question: s("confirm.reopenStep", ["text": done.text.text]))
                return []
            }
            return commit(&state, env: env) { p, editor in editor.advanceStep(step, in: goal, in: &p.plan) }
        case let (.accept?, .goal(goal)?):
            return commit(&state, env: env, asCitizen: true) { p, editor in editor.accept(goal: goal, step: nil, in: &p.plan) }
        case let (.accept?, .step(goal, step)?):
            return commit(&state, env: env, asCitizen: true) { p, editor in editor.accept(goal: goal, step: step, in: &p.plan) }
        case let (.drop?, .goal(goal)?):
            state.confirm = Confirm(purpose: .dropGoal(goal), question: s("confirm.dropGoal", ["text": plan.goal(goal)?.text.text ?? ""]))
        case let (.drop?, .step(goal, step)?):
            let text = plan.goal(goal)?.steps.first { $0.id == step }?.text.text ?? ""
            state.confirm = Confirm(purpose: .dropStep(goal: goal, step: step), question: s("confirm.dropStep", ["text": text]))
        case let (.moveItemUp?, .goal(goal)?), let (.moveItemDown?, .goal(goal)?):
            return commit(&state, env: env) { p, editor in editor.moveGoal(goal, by: action == .moveItemUp ? -1 : 1, in: &p.plan) }
        case let (.moveItemUp?, .step(goal, step)?), let (.moveItemDown?, .step(goal, step)?):
            return commit(&state, env: env) { p, editor in editor.moveStep(step, in: goal, by: action == .moveItemUp ? -1 : 1, in: &p.plan) }
        case (.approve?, _):
            state.confirm = Confirm(purpose: .approve, question: s("confirm.approve", ["name": open.participant.name,
                                                                                       "v": String(plan.version + 1)]))
        case (.undo?, _):
            return undo(&state, env: env)
        default:
            break
        }
        return []
    }

    /// A yes to a question.
    static func confirmed(_ purpose: Confirm.Purpose, state: inout AppState, env: UIEnvironment) -> [Effect] {
        switch purpose {
        case let .dropGoal(goal): return commit(&state, env: env) { p, editor in editor.dropGoal(goal, in: &p.plan) }
        case let .dropStep(goal, step): return commit(&state, env: env) { p, editor in editor.dropStep(step, in: goal, in: &p.plan) }
        case let .reopenStep(goal, step): return commit(&state, env: env) { p, editor in editor.advanceStep(step, in: goal, in: &p.plan) }
        case let .book(offerID):
            if let offer = state.offers.first(where: { $0.id == offerID }), let p = state.open?.participant {
                state.form = OfferForms.book(offer, participant: p, strings: env.strings)
            }
            return []
        case let .unbook(offerID):
            guard let participant = state.open?.participant.id else { return [] }
            return [.unbook(participant: participant, offer: offerID)]
        case let .cancelOffer(offerID):
            return [.cancelOffer(offerID)]
        case .approve:
            return commit(&state, env: env, asCitizen: true) { p, editor in
                let today = p.conversations.first { $0.planned == editor.today && $0.isOpen }?.number
                return editor.approve(conversation: today, in: &p.plan)
            }
        }
    }

    /// Makes a change to the open participant: a new plan version, kept for undo, saved.
    static func commit(_ state: inout AppState, env: UIEnvironment, asCitizen: Bool = false, _ edit: PlanForms.Edit) -> [Effect] {
        guard var open = state.open, !open.isReadOnly else { return [] }
        var author = asCitizen ? Author.citizen : open.writer
        let name = author == .citizen ? open.participant.name : state.coach
        let editor = PlanEditor(author: author, name: name, now: state.now, today: state.today, makeID: env.makeID)
        var participant = open.participant
        guard let change = edit(&participant, editor) else { return [] }
        // Running the course frame is the coach's doing, whoever's words are being typed.
        if change.kind == .session || change.kind == .conversation, author == .citizen { author = .coach }
        let by = author == .citizen ? open.participant.name : state.coach
        let rowsBefore = rows(open, env: env, today: state.today)
        let planChanged = participant.plan != open.participant.plan || participant.conversations != open.participant.conversations
        if planChanged {
            open.undoStack.append(open.participant)
            participant.plan.version += 1
        }
        participant.updated = Stamp(by: state.coach, at: state.now)
        open.participant = participant
        // A new goal or step gets the selection, so that the next key acts on it.
        if open.tab == .plan, let added = rows(open, env: env, today: state.today).firstIndex(where: { !rowsBefore.contains($0) }) {
            open.planSelection = added
        }
        state.open = open
        guard planChanged else { return [.saveParticipant(participant, version: nil)] }
        let version = PlanVersion(version: participant.plan.version, stamp: Stamp(by: by, at: state.now), author: author,
                                  change: change, plan: participant.plan)
        return [.saveParticipant(participant, version: version)]
    }

    private static func undo(_ state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard var open = state.open, let previous = open.undoStack.popLast() else {
            state.message = Message(env.strings("plan.nothingToUndo"))
            return []
        }
        // Undo brings back the plan and the course frame; notes, sessions and ratings stay.
        var participant = open.participant
        participant.plan = previous.plan
        participant.conversations = previous.conversations
        participant.plan.version = open.participant.plan.version + 1
        participant.updated = Stamp(by: state.coach, at: state.now)
        open.participant = participant
        state.open = open
        state.message = Message(env.strings("plan.undone"))
        let name = open.writer == .citizen ? participant.name : state.coach
        let version = PlanVersion(version: participant.plan.version, stamp: Stamp(by: name, at: state.now),
                                  author: open.writer, change: PlanChange(.undo, ""), plan: participant.plan)
        return [.saveParticipant(participant, version: version)]
    }
}
