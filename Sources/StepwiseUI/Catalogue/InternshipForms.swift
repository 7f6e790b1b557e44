import StepwiseCore

/// The fields of an internship's form.
enum InternshipField: String, FormFieldName {
    case employer, contactPerson, phone, email, periodStart, periodEnd, hours, tasks
    case shorterDays, moreBreaks, mentor, quietWorkplace, otherAdjustments
}
/// The fields of a follow-up meeting's form.
enum FollowUpField: String, FormFieldName { case date, status, withParticipant, withEmployer, notes }

/// The forms of an internship (work trial): the placement with its agreed adjustments, and
/// the follow-up meetings with both the participant and the employer.
enum InternshipForms {
    static func internship(_ offer: Offer, strings: Localizer) -> Form {
        let i = offer.internship ?? Internship()
        func yesNo(_ label: String, _ value: Bool) -> Form.Field {
            Form.Field(label: label, choices: CoachingForms.yesNo, prefix: "choice.", selected: value ? "yes" : "no")
        }
        func text(_ label: String, _ value: String, _ hint: String? = nil, multiline: Bool = false) -> Form.Field {
            Form.Field(label: label, input: TextField(value, maxLength: 300, multiline: multiline), hint: hint)
        }
        let hours = i.hoursPerWeek.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? ""
        return Form(purpose: .internship(offer.id), title: "form.internship.title", compact: true, InternshipField.self) { name in
            switch name {
            case .employer: text("field.employer.name", i.employer)
            case .contactPerson: text("field.contactPerson", i.contact.name)
            case .phone: text("field.phone", i.contact.phone)
            case .email: text("field.email", i.contact.email)
            case .periodStart: text("field.periodStart", i.start.map { strings.numericDate($0) } ?? "", "field.date.hint")
            case .periodEnd: text("field.periodEnd", i.end.map { strings.numericDate($0) } ?? "", "field.date.hint")
            case .hours: text("field.hours", hours, "field.hours.hint")
            case .tasks: text("field.tasks", i.tasks, multiline: true)
            case .shorterDays: yesNo("accommodation.shorterDays.field", i.accommodations.shorterDays)
            case .moreBreaks: yesNo("accommodation.moreBreaks.field", i.accommodations.moreBreaks)
            case .mentor: text("accommodation.mentor.field", i.accommodations.mentor)
            case .quietWorkplace: yesNo("accommodation.quiet.field", i.accommodations.quietWorkplace)
            case .otherAdjustments: text("accommodation.other.field", i.accommodations.other, multiline: true)
            }
        }
    }

    /// A follow-up meeting: the next planned one (to record it as held), or a new one.
    static func followUp(_ offer: Offer, strings: Localizer, today: Day) -> Form {
        let meetings = offer.internship?.followUps ?? []
        let index = meetings.indices.first { meetings[$0].status == .planned }
        let meeting = index.map { meetings[$0] }
        let title = meeting == nil ? "form.followUp.title" : "form.followUpHeld.title"
        return Form(purpose: .followUp(offer.id, index), title: title, compact: true, FollowUpField.self) { name in
            switch name {
            case .date:
                Form.Field(
                    label: "field.date", input: TextField(strings.numericDate(meeting?.day ?? today), maxLength: 40),
                    hint: "field.date.hint")
            case .status:
                Form.Field(
                    label: "field.status", choices: FollowUpMeeting.Status.allCases.map(\.rawValue), prefix: "followUp.",
                    selected: meeting == nil ? "planned" : "held")
            case .withParticipant:
                Form.Field(
                    label: "field.withParticipant", choices: CoachingForms.yesNo, prefix: "choice.",
                    selected: meeting?.withParticipant == false ? "no" : "yes")
            case .withEmployer:
                Form.Field(
                    label: "field.withEmployer", choices: CoachingForms.yesNo, prefix: "choice.",
                    selected: meeting?.withEmployer == false ? "no" : "yes")
            case .notes: Form.Field(label: "field.followUpNotes", input: TextField(meeting?.notes ?? "", maxLength: 2_000, multiline: true))
            }
        }
    }

    /// Checks an internship or follow-up form; marks bad fields, or returns the offer to save.
    static func submit(_ form: inout Form, state: AppState, env: UIEnvironment) -> [Effect] {
        var read = FormReader(form, env: env, today: state.today)
        defer { form = read.form }
        switch form.purpose {
        case .internship(let id):
            guard let base = state.offers.first(where: { $0.id == id }) else { return [] }
            var offer = base
            let start = read.date(InternshipField.periodStart, optional: true)
            let end = read.date(InternshipField.periodEnd, optional: true)
            if let start = start ?? nil, let end = end ?? nil, end < start { read.mark(InternshipField.periodEnd, "error.periodEnd") }
            let hoursText = read[InternshipField.hours].replacingOccurrences(of: ",", with: ".")
            let hours = Double(hoursText)
            if !hoursText.isEmpty && !(hours.map { $0 > 0 && $0 <= 60 } ?? false) { read.mark(InternshipField.hours, "error.hours") }
            guard read.isValid, let start, let end else { return [] }
            var internship = offer.internship ?? Internship()
            internship.employer = read[InternshipField.employer]
            internship.contact = ContactPerson(
                name: read[InternshipField.contactPerson], phone: read[InternshipField.phone],
                email: read[InternshipField.email])
            internship.start = start
            internship.end = end
            internship.hoursPerWeek = hours
            internship.tasks = read[InternshipField.tasks]
            internship.accommodations = Accommodations(
                shorterDays: read[InternshipField.shorterDays] == "yes",
                moreBreaks: read[InternshipField.moreBreaks] == "yes",
                mentor: read[InternshipField.mentor],
                quietWorkplace: read[InternshipField.quietWorkplace] == "yes",
                other: read[InternshipField.otherAdjustments])
            offer.internship = internship
            return [.saveOffer(offer, base: base)]
        case .followUp(let id, let index):
            guard let base = state.offers.first(where: { $0.id == id }) else { return [] }
            var offer = base
            guard let parsed = read.date(FollowUpField.date, optional: false), let when = parsed else { return [] }
            let meeting = FollowUpMeeting(
                day: when, status: FollowUpMeeting.Status(rawValue: read[FollowUpField.status]) ?? .planned,
                withParticipant: read[FollowUpField.withParticipant] == "yes",
                withEmployer: read[FollowUpField.withEmployer] == "yes", notes: read[FollowUpField.notes])
            var internship = offer.internship ?? Internship()
            if let index, internship.followUps.indices.contains(index) {
                internship.followUps[index] = meeting
            } else {
                internship.followUps.append(meeting)
            }
            offer.internship = internship
            return [.saveOffer(offer, base: base)]
        default:
            return []
        }
    }
}
