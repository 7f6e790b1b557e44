/// A form of labelled text fields, each with its own message when its input is wrong.
public struct Form: Equatable, Sendable, Codable {
    /// One labelled field.
    public struct Field: Equatable, Sendable, Codable {
        /// String-table key of the label.
        public var label: String
        public var input: TextField
        /// String-table key of a hint shown under the field.
        public var hint: String?
        /// A message about bad input, shown next to the field.
        public var error: String?

        public init(label: String, input: TextField = TextField(), hint: String? = nil) {
            self.label = label
            self.input = input
            self.hint = hint
        }
    }

    /// What the form is for; the app decides what submitting it does.
    public enum Purpose: String, Equatable, Sendable, Codable { case addParticipant }

    public var purpose: Purpose
    /// String-table key of the title.
    public var title: String
    public var fields: [Field]
    public var focus: Int = 0

    public init(purpose: Purpose, title: String, fields: [Field]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
    }

    /// The text of field `index`, trimmed.
    public func value(_ index: Int) -> String {
        fields[index].input.text.trimmingCharacters(in: .whitespaces)
    }

    /// Moves the focus to the next field (wrapping).
    public mutating func focusNext() { focus = (focus + 1) % fields.count }

    /// Moves the focus to the previous field (wrapping).
    public mutating func focusPrevious() { focus = (focus + fields.count - 1) % fields.count }

    /// Gives an editing key to the focused field; a new edit clears that field's message.
    public mutating func edit(_ key: Key) -> Bool {
        let used = fields[focus].input.handle(key)
        if used { fields[focus].error = nil }
        return used
    }
}
