import StepwiseCore

/// Reads a submitted form by field name and checks the kinds of input forms share: required
/// text, dates, times of day and whole numbers. Each bad field is marked with its message in
/// the screen's language; the caller takes `form` back and moves the focus to the first one.
struct FormReader {
    var form: Form
    let env: UIEnvironment
    /// The day relative dates ("today", "+2w") count from.
    let today: Day

    init(_ form: Form, env: UIEnvironment, today: Day) {
        self.form = form
        self.env = env
        self.today = today
    }

    /// Whether no field has been marked bad.
    var isValid: Bool { !form.fields.contains { $0.error != nil } }

    /// The value of the field called `name` (see `Form.subscript`).
    subscript(name: some FormFieldName) -> String { form[name] }

    /// Marks the field called `name` with the string `key` (with `arguments`).
    mutating func mark(_ name: some FormFieldName, _ key: String, _ arguments: [String: String] = [:]) {
        form.mark(name, env.strings(key, arguments))
    }

    /// Marks the field with the text of `key` for the count `n` (`key.one` or `key.other`).
    mutating func mark(_ name: some FormFieldName, _ key: String, count n: Int) {
        form.mark(name, env.strings(key, count: n))
    }

    /// The text typed; nil, and the field marked with `message` ("error.required" unless
    /// given), when it is empty.
    mutating func required(_ name: some FormFieldName, message: String = "error.required") -> String? {
        let text = form[name]
        if text.isEmpty { mark(name, message) }
        return text.isEmpty ? nil : text
    }

    /// The day typed, in any form `DateParser` reads (a date in the screen's format, a weekday,
    /// "today", "+2w"): `.some(nil)` when the field is empty and `optional`; nil, and the field
    /// marked "error.date", when it is not a date (or is empty but needed).
    mutating func date(_ name: some FormFieldName, optional: Bool) -> Day?? {
        let text = form[name]
        if text.isEmpty && optional { return .some(nil) }
        guard let day = env.dates.parse(text, today: today) else {
            mark(name, "error.date")
            return nil
        }
        return .some(day)
    }

    /// The time of day typed, as "HH:MM" (see `TimeOfDay`): `.some(nil)` when the field is
    /// empty; nil, and the field marked "error.time", when it is not a time.
    mutating func time(_ name: some FormFieldName) -> String?? {
        let text = form[name]
        if text.isEmpty { return .some(nil) }
        guard let time = TimeOfDay.normalized(text) else {
            mark(name, "error.time")
            return nil
        }
        return .some(time)
    }

    /// The whole number typed, within `range`: `.some(nil)` when the field is empty and
    /// `optional`; nil, and the field marked with `message`, otherwise when it is not such a number.
    mutating func int(_ name: some FormFieldName, in range: ClosedRange<Int>, optional: Bool, message: String) -> Int?? {
        let text = form[name]
        if text.isEmpty && optional { return .some(nil) }
        guard let number = Int(text), range.contains(number) else {
            mark(name, message)
            return nil
        }
        return .some(number)
    }

    /// The language chosen (an ISO 639-1 code, lower case): one Stepwise has a string table
    /// for (`env.languages`), or `kept`, the language the record already had (older data may
    /// have one without a table); an empty field is `kept`, or the screen's language for a new
    /// record. Nil, and the field marked "error.language" with the list, otherwise: a form's
    /// language choice offers no other, but a draft kept by an older version, when the
    /// language was typed, may hold any text.
    mutating func language(_ name: some FormFieldName, keeping kept: String? = nil) -> String? {
        let typed = form[name].lowercased()
        let code = typed.isEmpty ? kept ?? env.strings.language : typed
        guard env.languages.contains(code) || code == kept else {
            mark(name, "error.language", ["list": env.languages.joined(separator: ", ")])
            return nil
        }
        return code
    }
}
