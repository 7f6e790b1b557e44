import StepwiseCore

/// The add-participant form: how it is laid out and what submitting it does.
public enum AddParticipantForm {
    /// Field positions of the add-participant form.
    enum AddParticipant { static let name = 0, start = 1, language = 2 }

    /// A blank add-participant form; the course starts today and the citizen's language is
    /// the screen's, unless changed. `today` is the word for today in the screen's language.
    public static func addParticipant(language: String, today: String) -> Form {
        Form(purpose: .addParticipant, title: "form.addParticipant.title", fields: [
            Form.Field(label: "field.name", input: TextField(maxLength: 200), hint: "field.name.hint"),
            Form.Field(label: "field.courseStart", input: TextField(suggesting: today, maxLength: 40), hint: "field.date.hint"),
            Form.Field(label: "field.language", input: TextField(suggesting: language, maxLength: 10), hint: "field.language.hint"),
        ])
    }

    /// A submission that did not go through.
    public struct Invalid: Error {}

    /// Checks every field; marks each bad one with its message and keeps what was typed.
    static func submit(_ form: inout Form, today: Day, env: UIEnvironment) -> Result<Effect, Invalid> {
        switch form.purpose {
        case .addParticipant:
            let name = form.value(AddParticipant.name)
            let start = env.dates.parse(form.value(AddParticipant.start), today: today)
            let typedLanguage = form.value(AddParticipant.language).lowercased()
            let language = typedLanguage.isEmpty ? env.strings.language : typedLanguage
            if name.isEmpty { form.fields[AddParticipant.name].error = env.strings("error.nameRequired") }
            if start == nil { form.fields[AddParticipant.start].error = env.strings("error.date") }
            if !env.languages.contains(language) {
                form.fields[AddParticipant.language].error = env.strings("error.language", ["list": env.languages.joined(separator: ", ")])
            }
            if let firstBad = form.fields.firstIndex(where: { $0.error != nil }) {
                form.focus = firstBad
                return .failure(Invalid())
            }
            guard let start else { return .failure(Invalid()) }
            return .success(.addParticipant(name: name, courseStart: start, language: language))
        default:
            return .failure(Invalid())
        }
    }

    /// A live reading of a field, shown under it (e.g. the date a typed word means).
    static func preview(_ form: Form, field index: Int, today: Day, env: UIEnvironment) -> String? {
        guard form.purpose == .addParticipant, index == AddParticipant.start else { return nil }
        guard let day = env.dates.parse(form.value(index), today: today) else { return nil }
        return "→ " + env.strings.dayWithWeekday(day)
    }
}
