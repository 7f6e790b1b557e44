import StepwiseCore

/// The field of an "about me" form.
enum AboutField: String, FormFieldName { case text }
/// The fields of the goal form.
enum GoalField: String, FormFieldName { case text, kind }
/// The fields of the step form.
enum StepField: String, FormFieldName { case text, who, otherName, due, status }
/// The fields of a mandatory conversation's form.
enum ConversationField: String, FormFieldName { case date, time, status }

/// The forms of the plan tab: about me, goals, steps and conversations.
enum PlanForms {
    static let stepWho = ["me", "coach", "peer", "other"]

    static func about(_ topic: AboutMe, plan: Plan) -> Form {
        var form = Form(purpose: .about(topic.rawValue), title: "about.\(topic.rawValue)", AboutField.self) { name in
            switch name {
            case .text:
                Form.Field(
                    label: "field.inOwnWords", input: TextField(plan.aboutMe[topic.rawValue]?.text ?? "", multiline: true),
                    hint: "field.about.hint")
            }
        }
        form.base = plan.aboutMe[topic.rawValue]?.text ?? ""
        return form
    }

    static func goal(_ goal: Goal?) -> Form {
        var form = Form(
            purpose: goal.map { .editGoal($0.id) } ?? .addGoal, title: goal == nil ? "form.addGoal.title" : "form.editGoal.title",
            GoalField.self
        ) { name in
            switch name {
            case .text: Form.Field(label: "field.goal", input: TextField(goal?.text.text ?? "", multiline: true), hint: "field.goal.hint")
            case .kind:
                Form.Field(
                    label: "field.goalKind", choices: GoalKind.allCases.map(\.rawValue), prefix: "goal.kind.", selected: goal?.kind.rawValue
                )
            }
        }
        form.base = goal?.text.text
        return form
    }

    static func step(goal: String, _ step: Step?, strings: Localizer) -> Form {
        let who: String
        var otherName = ""
        switch step?.who {
        case .coach?: who = "coach"
        case .peer?: who = "peer"
        case .other(let name)?:
            who = "other"
            otherName = name
        default: who = "me"
        }
        let purpose: Form.Purpose = step.map { .editStep(goal: goal, step: $0.id) } ?? .addStep(goal: goal)
        var form = Form(purpose: purpose, title: step == nil ? "form.addStep.title" : "form.editStep.title", StepField.self) { name in
            switch name {
            case .text: Form.Field(label: "field.step", input: TextField(step?.text.text ?? "", multiline: true), hint: "field.step.hint")
            case .who: Form.Field(label: "field.who", choices: stepWho, prefix: "who.", selected: who)
            case .otherName: Form.Field(label: "field.otherName", input: TextField(otherName, maxLength: 200), hint: "field.otherName.hint")
            case .due:
                Form.Field(
                    label: "field.due", input: TextField(step?.due.map { strings.numericDate($0) } ?? "", maxLength: 40),
                    hint: "field.due.hint")
            case .status:
                Form.Field(
                    label: "field.status", choices: Step.Status.allCases.map(\.rawValue), prefix: "step.status.",
                    selected: step?.status.rawValue)
            }
        }
        form.base = step?.text.text
        return form
    }

    static func conversation(_ conversation: Conversation, strings: Localizer) -> Form {
        Form(purpose: .conversation(conversation.number), title: "form.conversation.title", ConversationField.self) { name in
            switch name {
            case .date:
                Form.Field(
                    label: "field.date", input: TextField(strings.numericDate(conversation.planned), maxLength: 40), hint: "field.date.hint"
                )
            case .time: Form.Field(label: "field.time", input: TextField(conversation.time ?? "", maxLength: 5), hint: "field.time.hint")
            case .status:
                Form.Field(
                    label: "field.status", choices: Conversation.Status.allCases.map(\.rawValue), prefix: "conversation.status.",
                    selected: conversation.status.rawValue)
            }
        }
    }

    /// A change to the record that a submitted form asks for.
    typealias Edit = (inout Participant, PlanEditor) -> PlanChange?

    /// Checks a plan form; marks bad fields, or returns the edit to make.
    static func submit(_ form: inout Form, today: Day, env: UIEnvironment) -> Edit? {
        var read = FormReader(form, env: env, today: today)
        defer { form = read.form }
        switch form.purpose {
        case .about(let raw):
            guard let topic = AboutMe(rawValue: raw) else { return nil }
            let text = read[AboutField.text]
            return { p, editor in editor.setAbout(topic, text, in: &p.plan) }
        case .addGoal, .editGoal:
            let kind = GoalKind(rawValue: read[GoalField.kind]) ?? .other
            guard let text = read.required(GoalField.text) else { return nil }
            if case .editGoal(let id) = form.purpose {
                return { p, editor in editor.editGoal(id, kind: kind, text: text, in: &p.plan) }
            }
            return { p, editor in editor.addGoal(kind: kind, text: text, in: &p.plan) }
        case .addStep(let goal), .editStep(let goal, _):
            let text = read.required(StepField.text)
            let whoValue = read[StepField.who]
            // A name is kept only for someone else: typed beside another choice it would be
            // dropped without a word, so the form says so instead.
            if whoValue != "other", !read[StepField.otherName].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                read.mark(StepField.otherName, "error.otherNameUnused", ["other": env.strings("who.other")])
            }
            let name = whoValue == "other" ? read.required(StepField.otherName) : ""
            let due = read.date(StepField.due, optional: true)
            let status = Step.Status(rawValue: read[StepField.status]) ?? .planned
            guard let text, let name, let due else { return nil }
            let who: Doer = whoValue == "coach" ? .coach : whoValue == "peer" ? .peer : whoValue == "other" ? .other(name) : .me
            if case .editStep(_, let step) = form.purpose {
                return { p, editor in editor.editStep(step, in: goal, text: text, who: who, due: due, status: status, in: &p.plan) }
            }
            return { p, editor in
                guard var change = editor.addStep(to: goal, text: text, who: who, due: due, in: &p.plan) else { return nil }
                if status != .planned, let g = p.plan.goals.firstIndex(where: { $0.id == goal }),
                    let last = p.plan.goals[g].steps.indices.last
                {
                    p.plan.goals[g].steps[last].status = status
                    change.detail = status.rawValue
                }
                return change
            }
        case .conversation(let number):
            let status = Conversation.Status(rawValue: read[ConversationField.status]) ?? .planned
            let day = read.date(ConversationField.date, optional: false)
            let typedTime = read.time(ConversationField.time)
            guard let planned = day ?? nil, let time = typedTime else { return nil }
            return { p, editor in
                guard let index = p.conversations.firstIndex(where: { $0.number == number }) else { return nil }
                var conversation = p.conversations[index]
                let before = conversation
                var newStatus = status
                if planned != conversation.planned && status == .planned && conversation.status == .planned { newStatus = .moved }
                conversation.reschedule(to: planned, time: time)
                if newStatus != conversation.status {
                    conversation.status = newStatus
                    conversation.statusChanged = editor.today
                }
                guard conversation != before else { return nil }
                p.conversations[index] = conversation
                return PlanChange(.conversation, String(number), detail: newStatus.rawValue)
            }
        default:
            return nil
        }
    }
}
