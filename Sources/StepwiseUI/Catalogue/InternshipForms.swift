import StepwiseCore

/// The forms of an internship (work trial): the placement with its agreed adjustments, and
/// the follow-up meetings with both the participant and the employer.
enum InternshipForms {
    static func internship(_ offer: Offer, strings: Localizer) -> Form {
        let i = offer.internship ?? Internship()
        func yesNo(_ label: String, _ value: Bool) -> Form.Field {
            Form.Field(label: label, choices: CoachingForms.yesNo, prefix: "choice.", selected: value ? "yes" : "no")
        }
        func text(_ label: String, _ value: String, _ hint: String? = nil) -> Form.Field {
            Form.Field(label: label, input: TextField(value, maxLength: 300), hint: hint)
        }
        let hours = i.hoursPerWeek.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? ""
        return Form(purpose: .internship(offer.id), title: "form.internship.title", fields: [
            text("field.employer.name", i.employer),
            text("field.contactPerson", i.contact.name),
            text("field.phone", i.contact.phone),
            text("field.email", i.contact.email),
            text("field.periodStart", i.start.map { strings.numericDate($0) } ?? "", "field.date.hint"),
            text("field.periodEnd", i.end.map { strings.numericDate($0) } ?? "", "field.date.hint"),
            text("field.hours", hours, "field.hours.hint"),
            text("field.tasks", i.tasks),
            yesNo("accommodation.shorterDays.field", i.accommodations.shorterDays),
            yesNo("accommodation.moreBreaks.field", i.accommodations.moreBreaks),
            text("accommodation.mentor.field", i.accommodations.mentor),
            yesNo("accommodation.quiet.field", i.accommodations.quietWorkplace),
            text("accommodation.other.field", i.accommodations.other),
        ], compact: true)
    }

    /// A follow-up meeting: the next planned one (to record it as held), or a new one.
    static func followUp(_ offer: Offer, strings: Localizer, today: Day) -> Form {
        let meetings = offer.internship?.followUps ?? []
        let index = meetings.indices.first { meetings[$0].status == .planned }
        let meeting = index.map { meetings[$0] }
        return Form(purpose: .followUp(offer.id, index), title: meeting == nil ? "form.followUp.title" : "form.followUpHeld.title", fields: [
            Form.Field(label: "field.date", input: TextField(strings.numericDate(meeting?.day ?? today), maxLength: 40), hint: "field.date.hint"),
            Form.Field(label: "field.status", choices: FollowUpMeeting.Status.allCases.map(\.rawValue), prefix: "followUp.",
                       selected: meeting == nil ? "planned" : "held"),
            Form.Field(label: "field.withParticipant", choices: CoachingForms.yesNo, prefix: "choice.", selected: meeting?.withParticipant == false ? "no" : "yes"),
            Form.Field(label: "field.withEmployer", choices: CoachingForms.yesNo, prefix: "choice.", selected: meeting?.withEmployer == false ? "no" : "yes"),
            Form.Field(label: "field.followUpNotes", input: TextField(meeting?.notes ?? "", maxLength: 2_000)),
        ], compact: true)
    }

    /// Checks an internship or follow-up form; marks bad fields, or returns the offer to save.
    static func submit(_ form: inout Form, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        let s = env.strings
        func fail(_ index: Int, _ message: String) -> [Effect] {
            form.fields[index].error = message
            form.focus = index
            state.form = form
            return []
        }
        func day(_ index: Int) -> Day?? {
            let text = form.value(index)
            if text.isEmpty { return .some(nil) }
            return env.dates.parse(text, today: state.today).map { .some($0) }
        }
        switch form.purpose {
        case let .internship(id):
            guard var offer = state.offers.first(where: { $0.id == id }) else { return [] }
            guard let start = day(4) else { return fail(4, s("error.date")) }
            guard let end = day(5) else { return fail(5, s("error.date")) }
            if let start, let end, end < start { return fail(5, s("error.periodEnd")) }
            let hoursText = form.value(6).replacingOccurrences(of: ",", with: ".")
            let hours = Double(hoursText)
            if !hoursText.isEmpty && !(hours.map { $0 > 0 && $0 <= 60 } ?? false) { return fail(6, s("error.hours")) }
            var internship = offer.internship ?? Internship()
            internship.employer = form.value(0)
            internship.contact = ContactPerson(name: form.value(1), phone: form.value(2), email: form.value(3))
            internship.start = start
            internship.end = end
            internship.hoursPerWeek = hours
            internship.tasks = form.value(7)
            internship.accommodations = Accommodations(shorterDays: form.value(8) == "yes", moreBreaks: form.value(9) == "yes",
                                                       mentor: form.value(10), quietWorkplace: form.value(11) == "yes", other: form.value(12))
            offer.internship = internship
            state.form = nil
            return [.saveOffer(offer, isNew: false)]
        case let .followUp(id, index):
            guard var offer = state.offers.first(where: { $0.id == id }) else { return [] }
            guard let parsed = day(0), let when = parsed else { return fail(0, s("error.date")) }
            let meeting = FollowUpMeeting(day: when, status: FollowUpMeeting.Status(rawValue: form.value(1)) ?? .planned,
                                          withParticipant: form.value(2) == "yes", withEmployer: form.value(3) == "yes", notes: form.value(4))
            var internship = offer.internship ?? Internship()
            if let index, internship.followUps.indices.contains(index) {
                internship.followUps[index] = meeting
            } else {
                internship.followUps.append(meeting)
            }
            offer.internship = internship
            state.form = nil
            return [.saveOffer(offer, isNew: false)]
        default:
            return nil
        }
    }
}
