import StepwiseCore

/// The names of one form's fields: an enum per form whose cases, in order, are its fields as
/// shown. Submitting code reads a field by its name (`form[OfferField.capacity]`), never by
/// its position, and the raw values are kept in drafts.
public protocol FormFieldName: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

extension FormFieldName {
    /// Every name of this form, in field order.
    static var names: [String] { allCases.map(\.rawValue) }
}

/// A form of labelled fields, each with its own message when its input is wrong. A field
/// is either typed text or a choice among fixed values (changed with ← → or Space).
public struct Form: Equatable, Sendable, Codable {
    /// One labelled field.
    public struct Field: Equatable, Sendable, Codable {
        /// The field's name (a `FormFieldName` raw value, or an indicator's id in the rating
        /// form); nil only in a draft from before fields had names, until it is read.
        public var name: String?
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
        /// For a choice of languages: the values are ISO 639-1 codes, shown by the language's
        /// name in the screen's language (nil in drafts from before, read as false).
        public var choosesLanguage: Bool?

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

        /// A choice among the languages `codes` (ISO 639-1), shown by their names in the screen's
        /// language; `selected` is chosen, and added to the end when it is not among `codes` (a
        /// language of older data that has no string table).
        public init(label: String, languages codes: [String], selected: String) {
            let values = codes.contains(selected) ? codes : codes + [selected]
            self.init(label: label, choices: values, prefix: "", selected: selected)
            choosesLanguage = true
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
        /// The open participant's own placement in the internship offer with this id.
        case placement(String)
        /// A follow-up meeting of the open participant's placement in the offer with this id:
        /// the one at this index, or a new one.
        case followUp(String, Int?)
        /// Choosing a planned follow-up meeting of the participant's placement in the offer.
        case chooseFollowUp(String)
        case printer
        case calendar
        case about(String)
        case addGoal
        case editGoal(String)
        case addStep(goal: String)
        case editStep(goal: String, step: String)
        case conversation(Int)
        /// The job-search agreement (written or changed).
        case jobAgreement
        /// An application or employer contact: this one, or a new one.
        case application(String?)
        /// Moving an application's status on.
        case applicationStatus(String)
        /// An interview of an application: this one, or a new one.
        case interview(application: String, interview: String?)
        /// Starting follow-along support, or changing its rhythm.
        case followAlong
        /// A follow-along contact held.
        case followAlongContact
        /// Add a job to the board (nil) or change one.
        case editJob(String?)
        case boardFilter
        /// Suggest an open board job to the open participant.
        case suggestJob
        /// Turning down a suggested goal (`step` nil) or step, with a reason.
        case rejectSuggestion(goal: String, step: String?)

        /// True for a form whose Enter changes the open participant's record (its plan, notes,
        /// ratings, bookings, job search): it cannot be saved while the record is read only.
        var changesRecord: Bool {
            switch self {
            case .startSession, .endSession, .note, .rating, .milestone, .outcome, .contact, .book, .placement, .followUp, .about,
                .addGoal, .editGoal, .addStep, .editStep, .conversation, .jobAgreement, .application, .applicationStatus, .interview,
                .followAlong, .followAlongContact, .suggestJob, .rejectSuggestion:
                return true
            case .addParticipant, .offerFilter, .editOffer, .internship, .chooseFollowUp, .printer, .calendar, .editJob, .boardFilter:
                return false
            }
        }

        /// True for a form whose typed words Esc must not drop without asking: every form that
        /// saves something, not a filter, a chooser or a file or printer to print to.
        var asksBeforeLeaving: Bool {
            switch self {
            case .offerFilter, .boardFilter, .chooseFollowUp, .printer, .calendar: return false
            default: return true
            }
        }

        /// What Enter does in the form, as the footer names it: "Save" in most, "Show" in a
        /// filter, "Open" in a chooser.
        var submitLabel: String {
            switch self {
            case .offerFilter, .boardFilter: return "action.show"
            case .chooseFollowUp: return "action.open"
            default: return "action.submit"
            }
        }

        /// The participant's tab the form is opened from, so that a draft restored after a crash
        /// comes back where it was written (nil: a form of no tab, or of the plan).
        var tab: Tab? {
            switch self {
            case .startSession, .endSession, .note, .contact: return .notes
            case .rating, .milestone, .outcome: return .progress
            case .offerFilter, .book, .placement, .followUp, .chooseFollowUp: return .offers
            case .printer, .calendar: return .summary
            case .jobAgreement, .application, .applicationStatus, .interview, .followAlong, .followAlongContact, .suggestJob:
                return .jobs
            case .addParticipant, .editOffer, .internship, .about, .addGoal, .editGoal, .addStep, .editStep, .conversation,
                .editJob, .boardFilter, .rejectSuggestion:
                return nil
            }
        }

        /// The names of the form's fields, in order; nil for the rating form, whose fields are
        /// the indicators of the indicator set. One case per purpose, so a new form must say.
        var fieldNames: [String]? {
            switch self {
            case .addParticipant: return AddParticipantField.names
            case .startSession: return StartSessionField.names
            case .endSession: return EndSessionField.names
            case .note: return NoteField.names
            case .rating: return nil
            case .milestone: return MilestoneField.names
            case .outcome: return OutcomeField.names
            case .contact: return ContactField.names
            case .offerFilter: return OfferFilterField.names
            case .book: return BookField.names
            case .editOffer: return OfferField.names
            case .internship: return InternshipField.names
            case .placement: return PlacementField.names
            case .followUp: return FollowUpField.names
            case .chooseFollowUp: return ChooseFollowUpField.names
            case .printer: return PrinterField.names
            case .calendar: return CalendarField.names
            case .about: return AboutField.names
            case .addGoal, .editGoal: return GoalField.names
            case .addStep, .editStep: return StepField.names
            case .conversation: return ConversationField.names
            case .jobAgreement: return AgreementField.names
            case .application: return ApplicationField.names
            case .applicationStatus: return ApplicationStatusField.names
            case .interview: return InterviewField.names
            case .followAlong: return FollowAlongField.names
            case .followAlongContact: return FollowContactField.names
            case .editJob: return JobField.names
            case .boardFilter: return BoardFilterField.names
            case .suggestJob: return SuggestJobField.names
            case .rejectSuggestion: return RejectField.names
            }
        }
    }

    /// The layout of stored forms (drafts). Version 0 had no field names: its fields were read
    /// by position, in the order of today's builders. Renaming or reordering a field name
    /// means raising this and saying in `init(from:)` how older drafts map.
    public static let currentVersion = 1

    /// Field names added since version 0 (a conversation's or follow-up meeting's time, a peer
    /// worker's name, what a contact may receive and until when, a contact's removal, who else
    /// takes part in a follow-up meeting and its next date): a version 0 draft has none of
    /// them, so they are left out when its fields are named by position. A version 1 draft
    /// without them reads them as empty.
    static let addedAfterVersion0: Set<String> = [
        "time", "peerName", "plan", "attendance", "progress", "health", "until", "removed", "others", "next",
    ]

    public var purpose: Purpose
    /// String-table key of the title.
    public var title: String
    public var fields: [Field]
    public var focus: Int = 0
    /// One row per field (for long lists such as ratings).
    public var compact = false
    /// The layout version this form was stored with (see `currentVersion`).
    public var version = Form.currentVersion
    /// A warning the person has seen for what the form now holds (e.g. a clash of the next
    /// appointment, as "day|time"): the next Enter with the same values saves. Not stored in a draft.
    var warned: String?
    /// True while the form holds something other than what it opened with (or it came back
    /// from a draft): Esc then asks before it is dropped.
    public var typed: Bool { original.map { $0 != values } ?? false }
    /// Every field's text and choice before the first edit; nil until then. A restored draft
    /// has an empty list, so that it counts as typed whatever it holds. Not stored in a draft.
    var original: [String]?
    /// True right after an Esc that asked whether to leave without saving: a second Esc
    /// leaves, any other key goes on writing.
    var askedToLeave = false
    /// A message about the whole form rather than one field (e.g. answers left as they were),
    /// shown below a compact form's fields; set by a submit, taken away by the next.
    var note: String?
    /// The text being edited as it was when the form opened (see `EditedText`), kept in a
    /// draft: a save finding other text there now says so first.
    public var base: String?

    /// A form whose fields are given as they are (the rating form: one per indicator, each
    /// field named by the caller).
    public init(purpose: Purpose, title: String, fields: [Field], compact: Bool = false) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
        self.compact = compact
    }

    /// A form with one field per name of `N`, in its order, each made by `field` (an
    /// exhaustive `switch` there makes a new name fail to compile until it has a field).
    init<N: FormFieldName>(purpose: Purpose, title: String, compact: Bool = false, _ names: N.Type, field: (N) -> Field) {
        self.init(
            purpose: purpose, title: title,
            fields: N.allCases.map { name in
                var made = field(name)
                made.name = name.rawValue
                return made
            }, compact: compact)
    }

    private enum CodingKeys: String, CodingKey { case purpose, title, fields, focus, compact, version, base }

    /// Reads a stored form. A version 0 draft (no field names) gets the names of its purpose
    /// by position, which is how version 0 read them.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        purpose = try c.decode(Purpose.self, forKey: .purpose)
        title = try c.decode(String.self, forKey: .title)
        fields = try c.decode([Field].self, forKey: .fields)
        focus = try c.decode(Int.self, forKey: .focus)
        compact = try c.decode(Bool.self, forKey: .compact)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        base = try c.decodeIfPresent(String.self, forKey: .base)
        if version == 0, let names = purpose.fieldNames?.filter({ !Form.addedAfterVersion0.contains($0) }), names.count == fields.count {
            for index in fields.indices { fields[index].name = names[index] }
        }
        version = Form.currentVersion
    }

    /// The position of the field called `name`, if the form has it.
    func index(of name: some FormFieldName) -> Int? { index(named: name.rawValue) }

    func index(named name: String) -> Int? { fields.firstIndex { $0.name == name } }

    /// The value of the field called `name`: the chosen value of a choice, or the typed text
    /// trimmed (of spaces, and of empty lines around a long text); empty when the form has no such field.
    subscript(name: some FormFieldName) -> String { value(named: name.rawValue) }

    func value(named name: String) -> String {
        guard let index = index(named: name) else { return "" }
        return fields[index].choice ?? fields[index].input.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Marks the field called `name` with `message`, keeping the focus where it is.
    mutating func mark(_ name: some FormFieldName, _ message: String) { mark(named: name.rawValue, message) }

    mutating func mark(named name: String, _ message: String) {
        guard let index = index(named: name) else { return }
        fields[index].error = message
    }

    /// Takes every field's message away: each submit marks what is wrong with the form as it is
    /// then, so a message about a value no longer typed, or a warning already heard, does not stay.
    mutating func clearMarks() {
        for index in fields.indices { fields[index].error = nil }
        note = nil
    }

    /// Each field's text and choice, to tell a form typed in from one as it opened.
    private var values: [String] { fields.map { $0.input.text + "\u{0}" + String($0.chosen) } }

    /// The form as a draft brings it back: what it holds counts as typed.
    public mutating func restored() { original = [] }

    /// Gives the focus to the first field with a message, if any; true when there is one.
    @discardableResult
    mutating func focusFirstError() -> Bool {
        guard let bad = fields.firstIndex(where: { $0.error != nil }) else { return note != nil }
        focus = bad
        return true
    }

    /// Moves the focus to the next field (wrapping).
    public mutating func focusNext() { focus = (focus + 1) % fields.count }

    /// Moves the focus to the previous field (wrapping).
    public mutating func focusPrevious() { focus = (focus + fields.count - 1) % fields.count }

    /// Gives an editing key to the focused field; a new edit clears that field's message.
    public mutating func edit(_ key: Key) -> Bool {
        if original == nil { original = values }
        var field = fields[focus]
        let used: Bool
        if let choices = field.choices {
            switch key {
            case .right, .char(" "):
                field.chosen = (field.chosen + 1) % choices.count
                used = true
            case .left:
                field.chosen = (field.chosen + choices.count - 1) % choices.count
                used = true
            case .char(let c) where c.isASCII && c.isNumber:
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
