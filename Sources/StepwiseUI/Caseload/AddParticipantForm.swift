import StepwiseCore

/// The fields of the add-participant form.
enum AddParticipantField: String, FormFieldName { case name, courseStart, language }

/// The add-participant form: how it is laid out and what submitting it does.
public enum AddParticipantForm {
    /// A blank add-participant form; the course starts today and the citizen's language is
    /// the screen's, unless another of `languages` (those with a string table) is chosen.
    /// `today` is the word for today in the screen's language.
    public static func addParticipant(language: String, languages: [String], today: String) -> Form {
        Form(purpose: .addParticipant, title: "form.addParticipant.title", AddParticipantField.self) { name in
            switch name {
            case .name: Form.Field(label: "field.name", input: TextField(maxLength: 200), hint: "field.name.hint")
            case .courseStart:
                Form.Field(label: "field.courseStart", input: TextField(suggesting: today, maxLength: 40), hint: "field.date.hint")
            case .language:
                Form.Field(label: "field.language", languages: languages, selected: language)
            }
        }
    }

    /// Checks every field; marks each bad one with its message and keeps what was typed.
    /// Returns the effect that adds the participant, or nothing when a field is bad.
    static func submit(_ form: inout Form, today: Day, env: UIEnvironment) -> [Effect] {
        var read = FormReader(form, env: env, today: today)
        defer { form = read.form }
        let name = read.required(AddParticipantField.name, message: "error.nameRequired")
        let start = read.date(AddParticipantField.courseStart, optional: false) ?? nil
        let language = read.language(AddParticipantField.language)
        guard read.isValid, let name, let start, let language else { return [] }
        return [.addParticipant(name: name, courseStart: start, language: language)]
    }

    /// A live reading of a field, shown under it (e.g. the date a typed word means).
    static func preview(_ form: Form, field index: Int, today: Day, env: UIEnvironment) -> String? {
        guard form.purpose == .addParticipant, form.index(of: AddParticipantField.courseStart) == index else { return nil }
        guard let day = env.dates.parse(form[AddParticipantField.courseStart], today: today) else { return nil }
        return "→ " + env.strings.dayWithWeekday(day)
    }
}
