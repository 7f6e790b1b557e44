import StepwiseCore

/// The field of the form that turns a suggestion down: the reason.
enum RejectField: String, FormFieldName { case reason }

/// Turning down a suggested goal or step (`d` on a suggestion): only with a short reason,
/// which the goal or step keeps (`rejection`) and the history shows.
enum RejectForm {
    /// The longest reason kept, in characters: a short reason, not a note.
    static let maxReason = 200

    static func form(goal: String, step: String?) -> Form {
        Form(purpose: .rejectSuggestion(goal: goal, step: step), title: "form.reject.title", RejectField.self) { name in
            switch name {
            case .reason:
                Form.Field(label: "field.rejectReason", input: TextField(maxLength: maxReason), hint: "field.rejectReason.hint")
            }
        }
    }

    /// The edit that turns the suggestion down; nil, with the field marked, without a reason.
    static func submit(_ form: inout Form, goal: String, step: String?, today: Day, env: UIEnvironment) -> PlanForms.Edit? {
        var read = FormReader(form, env: env, today: today)
        defer { form = read.form }
        guard let reason = read.required(RejectField.reason) else { return nil }
        return { p, editor in editor.reject(goal: goal, step: step, reason: reason, in: &p.plan) }
    }
}
