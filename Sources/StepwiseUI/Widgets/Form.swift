import StepwiseCore

/// A form of labelled fields, each with its own message when its input is wrong. A field
/// is either typed text or a choice among fixed values (changed with ← → or Space).
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
        /// For a choice: the values, and the string-table prefix of their names.
        public var choices: [String]?
        public var choicePrefix: String?
        /// For a choice: the chosen value's index.
        public var chosen = 0
        /// For a choice of numbers: drawn as a bar.
        public var showsBar = false
        /// For a choice whose values have no strings (e.g. steps of the plan): their labels.
        public var choiceLabels: [String]?

        public init(label: String, input: TextField = TextField(), hint: String? = nil) {
            self.label = label
            self.input = input
            self.hint = hint
        }

        /// A choice among `values`, named by the strings `prefix + value`.
        public init(label: String, choices values: [String], prefix: String, selected: String?) {
            self.label = label
            input = TextField()
            hint = "field.choice.hint"
            choices = values
            choicePrefix = prefix
            chosen = selected.flatMap { values.firstIndex(of: $0) } ?? 0
        }

        /// The chosen value of a choice field.
        public var choice: String? { choices.map { $0[min(chosen, $0.count - 1)] } }
    }

    /// What the form is for; submitting it does what its purpose says.
    public enum Purpose: Equatable, Sendable, Codable {
        case addParticipant
        case startSession
        case endSession
        case note(String?)
        case rating
        case milestone
        case outcome
        case contact(String?)
        case offerFilter
        case book(String)
        case editOffer(String?)
        case internship(String)
        /// A follow-up meeting of an internship: the one at this index, or a new one.
        case followUp(String, Int?)
        case printer
        case calendar
        case about(String)
        case addGoal
        case editGoal(String)
        case addStep(goal: String)
        case editStep(goal: String, step: String)
        case conversation(Int)
    }

    public var purpose: Purpose
    /// String-table key of the title.
    public var title: String
    public var fields: [Field]
    public var focus: Int = 0
    /// One row per field (for long lists such as ratings).
    public var compact = false

    public init(purpose: Purpose, title: String, fields: [Field], compact: Bool = false) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
        self.compact = compact
    }

    /// The text of field `index`, trimmed.
    public func value(_ index: Int) -> String {
        fields[index].choice ?? fields[index].input.text.trimmingCharacters(in: .whitespaces)
    }

    /// Moves the focus to the next field (wrapping).
    public mutating func focusNext() { focus = (focus + 1) % fields.count }

    /// Moves the focus to the previous field (wrapping).
    public mutating func focusPrevious() { focus = (focus + fields.count - 1) % fields.count }

    /// Gives an editing key to the focused field; a new edit clears that field's message.
    public mutating func edit(_ key: Key) -> Bool {
        var field = fields[focus]
        let used: Bool
        if let choices = field.choices {
            switch key {
            case .right, .char(" "): field.chosen = (field.chosen + 1) % choices.count; used = true
            case .left: field.chosen = (field.chosen + choices.count - 1) % choices.count; used = true
            case let .char(c) where c.isASCII && c.isNumber:
                // 1–9 choose that number, 0 chooses 10.
                let wanted = c == "0" ? "10" : String(c)
                if let index = choices.firstIndex(of: wanted) { field.chosen = index }
                used = choices.contains(wanted)
            default: used = false
            }
        } else {
            used = field.input.handle(key)
        }
        if used { field.error = nil }
        fields[focus] = field
        return used
    }
}
