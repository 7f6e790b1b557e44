import StepwiseCore

/// The words an edit form changes in the open record, for the forms that change words already
/// written: an "about me" answer, a goal, a step, a progress note, how an interview went, the
/// notes of a follow-up meeting. The form keeps them as they were when it opened
/// (`Form.base`, stored in a draft), so that a save finding other words there now says so
/// before it replaces them (the plan's history keeps both for the plan's texts, a note's
/// versions for a note; an interview's and a meeting's words keep only the last saved).
enum EditedText {
    /// The text field of `purpose`'s form and that text as `p` holds it now (nil when the
    /// thing edited is gone); nil for a form that changes no words already written.
    static func current(of purpose: Form.Purpose, in p: Participant) -> (text: String?, field: String)? {
        switch purpose {
        case .about(let topic):
            return (p.plan.aboutMe[topic]?.text ?? "", AboutField.text.rawValue)
        case .editGoal(let id):
            return (p.plan.goals.first { $0.id == id }?.text.text, GoalField.text.rawValue)
        case .editStep(let goal, let step):
            return (p.plan.goals.first { $0.id == goal }?.steps.first { $0.id == step }?.text.text, StepField.text.rawValue)
        case .note(let id?):
            return (p.notes.first { $0.id == id }?.current?.text, NoteField.text.rawValue)
        case .interview(let application, let interview?):
            let found = p.jobSearch.application(application)?.interviews.first { $0.id == interview }
            return (found.map { $0.howItWent?.text ?? "" }, InterviewField.howItWent.rawValue)
        case .followUp(let offer, let index?):
            let meetings = p.placements[offer]?.followUps ?? []
            return (meetings.indices.contains(index) ? meetings[index].notes : nil, FollowUpField.notes.rawValue)
        default:
            return nil
        }
    }

    /// True, with the text field marked, when the text `form` edits is no longer what it was
    /// when the form opened (`Form.base`) nor what the form now holds: another terminal changed
    /// it while this form waited (a draft brought back, a record read only meanwhile). Said
    /// once for each text found; the next Enter replaces it.
    static func changedMeanwhile(_ form: inout Form, in p: Participant?, strings s: Localizer) -> Bool {
        guard let base = form.base, let p, let (current, field) = current(of: form.purpose, in: p) else { return false }
        let typed = form.value(named: field)
        guard let current, current != base, current != typed, form.warned != current else { return false }
        form.mark(named: field, s("warning.changedMeanwhile", ["text": current]))
        form.warned = current
        return true
    }

}
