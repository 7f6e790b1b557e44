import StepwiseCore

/// The plan tab's part of the update: selecting rows, opening forms, and saved changes.
enum PlanUpdate {
    /// The rows of `open`'s plan tab, one per entry however many lines it wraps to.
    static func rows(_ open: OpenParticipant, state: AppState, env: UIEnvironment) -> [PlanRow] {
        PlanTabView.Layout.of(open, state: state, env: env).lines.rows
    }

    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard var open = state.open else { return [] }
        let rows = rows(open, state: state, env: env)
        let row = rows.indices.contains(open.planSelection) ? rows[open.planSelection] : nil
        let page = max(1, state.height - 9)
        switch action {
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            open.planSelection = ListCursor(open.planSelection, count: rows.count, page: page).moved(by: action)
        case .switchWriter?:
            WriterLine.switchWriter(&open, state: &state)
        case .history?:
            state.historyBrowser = HistoryBrowser()
            return open.historyComplete ? [] : [.loadHistory(participant: open.participant.id)]
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
        case (.edit?, .about(let topic)?): state.form = PlanForms.about(topic, plan: plan)
        case (.edit?, .goal(let id)?): state.form = PlanForms.goal(plan.goal(id))
        case (.edit?, .step(let goal, let step)?):
            state.form = PlanForms.step(goal: goal, plan.goal(goal)?.steps.first { $0.id == step }, strings: s)
        case (.edit?, .conversation(let number)?):
            if let conversation = open.participant.conversations.first(where: { $0.number == number }) {
                state.form = PlanForms.conversation(conversation, strings: s)
            }
        case (.edit?, .contact(let id)?):
            state.form = CoachingForms.contact(open.participant.contacts.first { $0.id == id }, strings: s)
        case (.addGoal?, _), (.addStep?, nil), (.addStep?, .about?), (.addStep?, .conversation?), (.addStep?, .contact?):
            if action == .addStep, !plan.goals.isEmpty {
                state.message = Message(s("plan.selectGoal"))
            } else {
                state.form = PlanForms.goal(nil)
            }
        case (.addStep?, .goal(let goal)?), (.addStep?, .step(let goal, _)?):
            state.form = PlanForms.step(goal: goal, nil, strings: s)
        case (.advance?, .step(let goal, let step)?):
            if let done = plan.goal(goal)?.steps.first(where: { $0.id == step && $0.status == .done }) {
                // The status goes round from done to planned: a done step is not undone unasked.
                state.confirm = Confirm(
                    purpose: .reopenStep(goal: goal, step: step), question: s("confirm.reopenStep", ["text": done.text.text]))
                return []
            }
            return commit(&state, env: env, as: .operating) { p, editor in editor.advanceStep(step, in: goal, in: &p.plan) }
        case (.accept?, .goal(let goal)?), (.accept?, .step(let goal, _)?):
            // Only the citizen's own yes makes a suggestion theirs, whoever is set as the writer.
            var step: String?
            if case .step(_, let id)? = row { step = id }
            let item = plan.goal(goal)
            let suggested =
                step.map { id in item?.steps.first { $0.id == id }.flatMap { $0.isSuggestion ? $0.text.text : nil } }
                ?? item.flatMap { $0.isSuggestion ? $0.text.text : nil }
            guard let text = suggested else {
                state.message = Message(s("plan.notSuggestion"))
                return []
            }
            state.confirm = Confirm(
                purpose: .accept(goal: goal, step: step),
                question: s("confirm.accept", ["name": open.participant.name, "text": text]))
        case (.drop?, .goal(let goal)?) where plan.goal(goal)?.isSuggestion == true:
            // A suggestion is turned down, with the citizen's reason, not silently dropped.
            state.form = RejectForm.form(goal: goal, step: nil)
        case (.drop?, .step(let goal, let step)?) where plan.goal(goal)?.steps.first(where: { $0.id == step })?.isSuggestion == true:
            state.form = RejectForm.form(goal: goal, step: step)
        case (.drop?, .goal(let goal)?):
            state.confirm = Confirm(purpose: .dropGoal(goal), question: s("confirm.dropGoal", ["text": plan.goal(goal)?.text.text ?? ""]))
        case (.drop?, .step(let goal, let step)?):
            let text = plan.goal(goal)?.steps.first { $0.id == step }?.text.text ?? ""
            state.confirm = Confirm(purpose: .dropStep(goal: goal, step: step), question: s("confirm.dropStep", ["text": text]))
        case (.moveItemUp?, .goal(let goal)?), (.moveItemDown?, .goal(let goal)?):
            let effects = commit(&state, env: env, as: .operating) { p, editor in
                editor.moveGoal(goal, by: action == .moveItemUp ? -1 : 1, in: &p.plan)
            }
            select(.goal(goal), state: &state, env: env)
            return effects
        case (.moveItemUp?, .step(let goal, let step)?), (.moveItemDown?, .step(let goal, let step)?):
            let effects = commit(&state, env: env, as: .operating) { p, editor in
                editor.moveStep(step, in: goal, by: action == .moveItemUp ? -1 : 1, in: &p.plan)
            }
            select(.step(goal: goal, step: step), state: &state, env: env)
            return effects
        case (.approve?, _):
            state.confirm = Confirm(
                purpose: .approve,
                question: s(
                    "confirm.approve",
                    [
                        "name": open.participant.name,
                        "v": String(plan.version + 1),
                    ]))
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
        case .dropGoal(let goal): return commit(&state, env: env, as: .operating) { p, editor in editor.dropGoal(goal, in: &p.plan) }
        case .dropStep(let goal, let step):
            return commit(&state, env: env, as: .operating) { p, editor in editor.dropStep(step, in: goal, in: &p.plan) }
        case .reopenStep(let goal, let step):
            return commit(&state, env: env, as: .operating) { p, editor in editor.advanceStep(step, in: goal, in: &p.plan) }
        case .accept(let goal, let step):
            return commit(&state, env: env, as: .citizen) { p, editor in editor.accept(goal: goal, step: step, in: &p.plan) }
        case .book(let offerID):
            if let offer = state.offers.first(where: { $0.id == offerID }), let p = state.open?.participant {
                state.form = OfferForms.book(offer, participant: p, strings: env.strings)
            }
            return []
        case .unbook(let offerID):
            guard let participant = state.open?.participant.id else { return [] }
            return [.unbook(participant: participant, offer: offerID)]
        case .cancelOffer(let offerID):
            return [.cancelOffer(offerID)]
        case .takeBoardJob(let jobID):
            return JobSuggestions.confirmed(jobID)
        case .startFollowAlong:
            return OutcomeFollowAlong.confirmed(state: &state, env: env)
        case .approve:
            return commit(&state, env: env, as: .citizen) { p, editor in
                let today = p.conversations.first { $0.planned == editor.today && $0.isOpen }?.number
                return editor.approve(conversation: today, in: &p.plan)
            }
        }
    }

    /// Whose act a change is.
    enum Act {
        /// Text typed in the words of the writer chosen with `w`.
        case words
        /// The citizen's own yes (accepting a suggestion, approving the plan).
        case citizen
        /// The coach operating the screen: a status, an order, a drop, an undo, the course
        /// frame. Never the citizen's words, even while the citizen is set as the writer.
        case operating
    }

    /// The author recorded for `act` with `writer` chosen: the coach stands in for the citizen
    /// when operating the screen; a peer worker stays a peer worker.
    static func author(of act: Act, writer: Author) -> Author {
        switch act {
        case .words: return writer
        case .citizen: return .citizen
        case .operating: return writer == .citizen ? .coach : writer
        }
    }

    /// Makes a change to the open participant: a new plan version, kept for undo, saved. The
    /// version names the author (see `Act`) and the coach at the keyboard.
    static func commit(_ state: inout AppState, env: UIEnvironment, as act: Act = .words, _ edit: PlanForms.Edit) -> [Effect] {
        guard var open = state.open, !open.isReadOnly else { return [] }
        var author = Self.author(of: act, writer: open.writer)
        let name = author == .citizen ? open.participant.name : state.coach
        let editor = PlanEditor(author: author, name: name, now: state.now, today: state.today, coach: state.coach, makeID: env.makeID)
        var participant = open.participant
        guard let change = edit(&participant, editor) else { return [] }
        // Running the course frame is the coach's doing, whoever's words are being typed.
        if change.kind == .session || change.kind == .conversation { author = Self.author(of: .operating, writer: author) }
        let by = author == .citizen ? open.participant.name : state.coach
        let rowsBefore = Set(rows(open, state: state, env: env))
        let planChanged = participant.plan != open.participant.plan || participant.conversations != open.participant.conversations
        if planChanged {
            open.undoStack.append(open.participant)
            participant.plan.version += 1
        }
        participant.updated = Stamp(by: state.coach, at: state.now)
        open.participant = participant
        // A new goal or step gets the selection, so that the next key acts on it.
        if open.tab == .plan, let added = PlanTabView.Layout.kept(&open, state: state, env: env).lines.rows.firstIndex(where: { !rowsBefore.contains($0) }) {
            open.planSelection = added
        }
        state.open = open
        guard planChanged else { return [.saveParticipant(participant, version: nil)] }
        let version = PlanVersion(
            version: participant.plan.version, stamp: Stamp(by: by, at: state.now), author: author,
            coach: state.coach, change: change, plan: participant.plan)
        return [.saveParticipant(participant, version: version)]
    }

    /// Puts the plan tab's selection on `row` (e.g. on the item just moved, so that it can be
    /// moved again).
    private static func select(_ row: PlanRow, state: inout AppState, env: UIEnvironment) {
        guard let open = state.open, let index = rows(open, state: state, env: env).firstIndex(of: row) else { return }
        state.open?.planSelection = index
    }

    private static func undo(_ state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard var open = state.open, let previous = open.undoStack.popLast() else {
            state.message = Message(env.strings("plan.nothingToUndo"))
            return []
        }
        // Undo brings back the plan and the course frame; notes, sessions and ratings stay, and
        // so a conversation held in a session that stays is still held: plan and sessions
        // never disagree.
        var participant = open.participant
        participant.plan = previous.plan
        participant.conversations = previous.conversations.map { old in
            guard participant.session(ofConversation: old.number) != nil,
                let current = participant.conversations.first(where: { $0.number == old.number }), current.status == .held
            else { return old }
            return current
        }
        let keptHeld = participant.conversations != previous.conversations
        participant.plan.version = open.participant.plan.version + 1
        participant.updated = Stamp(by: state.coach, at: state.now)
        open.participant = participant
        state.open = open
        state.message = Message(env.strings(keptHeld ? "plan.undoneHeldStays" : "plan.undone"))
        // Undo is the coach operating the screen, never the citizen's words.
        let version = PlanVersion(
            version: participant.plan.version, stamp: Stamp(by: state.coach, at: state.now),
            author: author(of: .operating, writer: open.writer), coach: state.coach,
            change: PlanChange(.undo, ""), plan: participant.plan)
        return [.saveParticipant(participant, version: version)]
    }
}
