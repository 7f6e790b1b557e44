import StepwiseCore

/// The fields of an internship offer's form: what is the same for everyone placed there.
enum InternshipField: String, FormFieldName {
    case employer, contactPerson, phone, email, periodStart, periodEnd, hours, tasks
}

/// The catalogue's form of an internship (work trial) offer: the employer, the contact person
/// at the workplace, the period offered, the usual hours and the tasks. What is agreed for one
/// participant is their own placement, written on their screen (`PlacementForms`).
enum InternshipForms {
    static func internship(_ offer: Offer, strings: Localizer) -> Form {
        let i = offer.internship ?? Internship()
        return Form(purpose: .internship(offer.id), title: "form.internship.title", compact: true, InternshipField.self) { name in
            switch name {
            case .employer: text("field.employer.name", i.employer)
            case .contactPerson: text("field.contactPerson", i.contact.name)
            case .phone: text("field.phone", i.contact.phone)
            case .email: text("field.email", i.contact.email)
            case .periodStart: text("field.periodStart", i.start.map { strings.numericDate($0) } ?? "", "field.date.hint")
            case .periodEnd: text("field.periodEnd", i.end.map { strings.numericDate($0) } ?? "", "field.date.hint")
            case .hours: text("field.hours", hoursText(i.hoursPerWeek), "field.hours.hint")
            case .tasks: text("field.tasks", i.tasks, multiline: true)
            }
        }
    }

    /// A text field of these forms (300 characters; long texts may take several lines).
    static func text(_ label: String, _ value: String, _ hint: String? = nil, multiline: Bool = false) -> Form.Field {
        Form.Field(label: label, input: TextField(value, maxLength: 300, multiline: multiline), hint: hint)
    }

    /// A yes/no choice of these forms.
    static func yesNo(_ label: String, _ value: Bool) -> Form.Field {
        Form.Field(label: label, choices: CoachingForms.yesNo, prefix: "choice.", selected: value ? "yes" : "no")
    }

    /// Hours as a field shows them: `18`, `18.5`, or empty.
    static func hoursText(_ hours: Double?) -> String {
        hours.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? ""
    }

    /// Reads a period (first and last day, both optional, the last not before the first) and
    /// hours a week (optional, more than 0 and at most 60, with `.` or `,`); marks bad fields
    /// and returns nil when one is bad. Shared by the offer's form and a placement's.
    static func period(
        _ read: inout FormReader, start: some FormFieldName, end: some FormFieldName, hours: some FormFieldName
    ) -> (start: Day?, end: Day?, hours: Double?)? {
        let first = read.date(start, optional: true)
        let last = read.date(end, optional: true)
        if let first = first ?? nil, let last = last ?? nil, last < first { read.mark(end, "error.periodEnd") }
        let hoursText = read[hours].replacingOccurrences(of: ",", with: ".")
        let number = Double(hoursText)
        if !hoursText.isEmpty && !(number.map { $0 > 0 && $0 <= 60 } ?? false) { read.mark(hours, "error.hours") }
        guard read.isValid, let first, let last else { return nil }
        return (first, last, number)
    }

    /// Checks the internship form; marks bad fields, or returns the offer to save.
    static func submit(_ form: inout Form, state: AppState, env: UIEnvironment) -> [Effect] {
        var read = FormReader(form, env: env, today: state.today)
        defer { form = read.form }
        guard case .internship(let id) = form.purpose, let base = state.offers.first(where: { $0.id == id }) else { return [] }
        var offer = base
        guard let period = period(&read, start: InternshipField.periodStart, end: InternshipField.periodEnd, hours: InternshipField.hours)
        else { return [] }
        var internship = offer.internship ?? Internship()
        internship.employer = read[InternshipField.employer]
        internship.contact = ContactPerson(
            name: read[InternshipField.contactPerson], phone: read[InternshipField.phone], email: read[InternshipField.email])
        internship.start = period.start
        internship.end = period.end
        internship.hoursPerWeek = period.hours
        internship.tasks = read[InternshipField.tasks]
        offer.internship = internship
        return [.saveOffer(offer, base: base)]
    }
}
