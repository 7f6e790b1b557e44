import Foundation
import StepwiseCore

/// The fields of the form that starts a session.
enum StartSessionField: String, FormFieldName { case kind, peerPresent, peerName, employer, othersPresent }
/// The fields of the form that ends a session.
enum EndSessionField: String, FormFieldName { case agreements, nextDate, nextTime, place, whoContacts }
/// The fields of a progress note's form.
enum NoteField: String, FormFieldName { case text, kind, tags }
/// The fields of a milestone's form.
enum MilestoneField: String, FormFieldName { case text, kind, date }
/// The fields of the outcome's form.
enum OutcomeField: String, FormFieldName {
    case text, kind, hours, date, after3Kind, after3Hours, after3Recorded, after6Kind, after6Hours, after6Recorded

    /// The kind, hours and recorded-day fields of the result `months` (3 or 6) after the end.
    static func later(_ months: Int) -> (kind: OutcomeField, hours: OutcomeField, recorded: OutcomeField) {
        months == 3 ? (.after3Kind, .after3Hours, .after3Recorded) : (.after6Kind, .after6Hours, .after6Recorded)
    }
}
/// The fields of a contact's form.
enum ContactField: String, FormFieldName {
    case name, kind, phone, email, consent, plan, attendance, progress, health, until, removed

    /// The field that says whether `information` may be shared.
    static func of(_ information: ConsentChange.Information) -> ContactField {
        switch information {
        case .plan: return .plan
        case .attendance: return .attendance
        case .progress: return .progress
        case .health: return .health
        }
    }
}

/// The forms of sessions, notes, ratings, milestones, the outcome and contacts.
enum CoachingForms {
    static let yesNo = ["no", "yes"]
    static let ratingChoices = ["-"] + (1...10).map(String.init)
    static let consentChoices = ["notAsked", "given", "withdrawn"]
    /// The name of the rating form's last field, the coach's own rating (the others are named
    /// by their indicator's id).
    static let coachBelief = "coachBelief"

    /// Starting a session: the kind defaults to the next mandatory conversation when it is due
    /// within a week, else a follow-up.
    static func startSession(_ p: Participant, today: Day) -> Form {
        var kind = CoachingSession.Kind.followUp
        if let next = p.nextConversation, next.planned <= today.adding(days: 7) {
            kind = [.conversation1, .conversation2, .conversation3][max(0, min(2, next.number - 1))]
        }
        return Form(purpose: .startSession, title: "form.startSession.title", StartSessionField.self) { name in
            switch name {
            case .kind:
                Form.Field(
                    label: "field.sessionKind", choices: CoachingSession.Kind.allCases.map(\.rawValue), prefix: "session.kind.",
                    selected: kind.rawValue)
            case .peerPresent: Form.Field(label: "field.peerPresent", choices: yesNo, prefix: "choice.", selected: "no")
            case .peerName: Form.Field(label: "field.peerName", input: TextField(maxLength: 200), hint: "field.peerName.hint")
            case .employer: Form.Field(label: "field.employer", input: TextField(maxLength: 200), hint: "field.employer.hint")
            case .othersPresent:
                Form.Field(label: "field.othersPresent", input: TextField(maxLength: 400), hint: "field.othersPresent.hint")
            }
        }
    }

    static func endSession(strings: Localizer) -> Form {
        Form(purpose: .endSession, title: "form.endSession.title", EndSessionField.self) { name in
            switch name {
            case .agreements: Form.Field(label: "field.agreements", input: TextField(multiline: true), hint: "field.agreements.hint")
            case .nextDate: Form.Field(label: "field.nextDate", input: TextField(maxLength: 40), hint: "field.due.hint")
            case .nextTime: Form.Field(label: "field.nextTime", input: TextField(maxLength: 5), hint: "field.time.hint")
            case .place: Form.Field(label: "field.place", input: TextField(maxLength: 200))
            case .whoContacts: Form.Field(label: "field.whoContacts", input: TextField(maxLength: 200), hint: "field.whoContacts.hint")
            }
        }
    }

    static func note(_ note: ProgressNote?, writer: Author, strings: Localizer) -> Form {
        let kind = note?.kind ?? (writer == .citizen ? .reflection : .note)
        let tags = (note?.tags ?? []).map { NoteTags.name($0, strings: strings) }
        var form = Form(purpose: .note(note?.id), title: note == nil ? "form.note.title" : "form.editNote.title", NoteField.self) { name in
            switch name {
            case .text:
                Form.Field(
                    label: "field.note", input: TextField(note?.current?.text ?? "", multiline: true),
                    hint: note == nil ? "field.note.hint" : "field.editNote.hint")
            case .kind:
                Form.Field(
                    label: "field.noteKind", choices: ProgressNote.Kind.allCases.map(\.rawValue), prefix: "note.kind.",
                    selected: kind.rawValue)
            case .tags:
                Form.Field(label: "field.tags", input: TextField(tags.joined(separator: ", "), maxLength: 300), hint: "field.tags.hint")
            }
        }
        form.base = note?.current?.text
        return form
    }

    static func rating(_ indicators: IndicatorSet, previous: Rating?, language: String) -> Form {
        var fields = indicators.indicators.map { indicator -> Form.Field in
            var field = Form.Field(
                label: "indicator:" + indicator.text(in: language), choices: ratingChoices, prefix: "",
                selected: previous?.scores[indicator.id].map(String.init) ?? "-")
            field.showsBar = true
            field.name = indicator.id
            return field
        }
        var belief = Form.Field(
            label: "indicator:" + (indicators.coachBelief[language] ?? indicators.coachBelief["en"] ?? ""),
            choices: ratingChoices, prefix: "", selected: previous?.coachBelief.map(String.init) ?? "-")
        belief.showsBar = true
        belief.name = coachBelief
        fields.append(belief)
        return Form(purpose: .rating, title: "form.rating.title", fields: fields, compact: true)
    }

    static func milestone(today: Day, strings: Localizer) -> Form {
        Form(purpose: .milestone, title: "form.milestone.title", MilestoneField.self) { name in
            switch name {
            case .text: Form.Field(label: "field.milestoneText", input: TextField(maxLength: 300), hint: "field.milestoneText.hint")
            case .kind:
                Form.Field(
                    label: "field.milestoneKind", choices: Milestone.Kind.allCases.map(\.rawValue), prefix: "milestone.", selected: nil)
            case .date:
                Form.Field(
                    label: "field.date", input: TextField(suggesting: strings.numericDate(today), maxLength: 40), hint: "field.date.hint")
            }
        }
    }

    static func outcome(_ outcome: Outcome?, today: Day, strings: Localizer) -> Form {
        Form(purpose: .outcome, title: "form.outcome.title", OutcomeField.self) { name in
            switch name {
            case .text: Form.Field(label: "field.outcomeText", input: TextField(outcome?.text ?? "", maxLength: 300))
            case .kind:
                // A new outcome starts on "not recorded yet", so that Enter never records one nobody chose.
                Form.Field(
                    label: "field.outcomeKind", choices: (outcome == nil ? ["none"] : []) + Outcome.Kind.allCases.map(\.rawValue),
                    prefix: "outcome.", selected: outcome?.kind.rawValue ?? "none")
            case .hours:
                Form.Field(
                    label: "field.hours", input: TextField(outcome?.hoursPerWeek.map(String.init) ?? "", maxLength: 3),
                    hint: "field.hours.hint")
            case .date:
                Form.Field(
                    label: "field.date", input: TextField(strings.numericDate(outcome?.day ?? today), maxLength: 40),
                    hint: "field.date.hint")
            case .after3Kind, .after6Kind:
                Form.Field(
                    label: "field.outcome\(name == .after3Kind ? 3 : 6)Months", choices: ["none"] + Outcome.Kind.allCases.map(\.rawValue),
                    prefix: "outcome.", selected: outcome?.later(months: name == .after3Kind ? 3 : 6)?.kind.rawValue ?? "none")
            case .after3Hours, .after6Hours:
                Form.Field(
                    label: "field.hours",
                    input: TextField(
                        outcome?.later(months: name == .after3Hours ? 3 : 6)?.hoursPerWeek.map(String.init) ?? "", maxLength: 3),
                    hint: "field.hours.hint")
            case .after3Recorded, .after6Recorded:
                Form.Field(
                    label: "field.recorded",
                    input: TextField(
                        outcome?.later(months: name == .after3Recorded ? 3 : 6).map { strings.numericDate($0.recorded) } ?? "",
                        maxLength: 40),
                    hint: "field.recorded.hint")
            }
        }
    }

    /// The result `months` after the end as the form gives it: `.some(nil)` when none is
    /// chosen; nil, with the bad field marked, when the hours or the day cannot be read.
    private static func later(_ months: Int, read: inout FormReader) -> Outcome.Later?? {
        let fields = OutcomeField.later(months)
        let chosen = Outcome.Kind(rawValue: read[fields.kind])
        guard hoursFitKind(chosen, hours: fields.hours, read: &read) else { return nil }
        guard let kind = chosen else { return .some(nil) }
        let hours = read.int(fields.hours, in: 1...60, optional: true, message: "error.hours")
        guard let hours, let day = read.date(fields.recorded, optional: true) else { return nil }
        guard let recorded = day else {
            read.mark(fields.recorded, "error.required")
            return nil
        }
        return .some(Outcome.Later(kind: kind, hoursPerWeek: hours, recorded: recorded))
    }

    /// False, with the hours marked, when hours a week are typed beside a result other than
    /// a job: the record keeps hours for a job only (`Outcome.hoursPerWeek`), so they would be
    /// dropped, or kept where they mean nothing. No result chosen (nil) takes the hours with it.
    private static func hoursFitKind(_ kind: Outcome.Kind?, hours: OutcomeField, read: inout FormReader) -> Bool {
        guard let kind, kind != .job, !read[hours].isEmpty else { return true }
        read.mark(hours, "error.hoursJobOnly", ["job": read.env.strings("outcome.job")])
        return false
    }

    static func contact(_ contact: Contact?, strings: Localizer) -> Form {
        let last = contact?.consent.last
        let consent = last.map { $0.given ? "given" : "withdrawn" } ?? "notAsked"
        let shared = last?.information ?? [.plan]
        return Form(
            purpose: .contact(contact?.id), title: contact == nil ? "form.contact.title" : "form.editContact.title", ContactField.self
        ) { name in
            switch name {
            case .plan, .attendance, .progress, .health:
                let information = ConsentChange.Information.allCases.first { ContactField.of($0) == name } ?? .plan
                return Form.Field(
                    label: "field.share.\(information.rawValue)", choices: yesNo, prefix: "choice.",
                    selected: shared.contains(information) ? "yes" : "no")
            case .until:
                return Form.Field(
                    label: "field.consentUntil", input: TextField(last?.until.map { strings.numericDate($0) } ?? "", maxLength: 40),
                    hint: "field.consentUntil.hint")
            case .removed:
                return Form.Field(
                    label: "field.contactRemoved", choices: yesNo, prefix: "choice.", selected: contact?.removed == nil ? "no" : "yes")
            case .name: return Form.Field(label: "field.contactName", input: TextField(contact?.name ?? "", maxLength: 200))
            case .kind:
                return Form.Field(
                    label: "field.contactKind", choices: Contact.Kind.allCases.map(\.rawValue), prefix: "contact.",
                    selected: contact?.kind.rawValue)
            case .phone: return Form.Field(label: "field.phone", input: TextField(contact?.phone ?? "", maxLength: 40))
            case .email: return Form.Field(label: "field.email", input: TextField(contact?.email ?? "", maxLength: 200))
            case .consent: return Form.Field(label: "field.consent", choices: consentChoices, prefix: "consent.", selected: consent)
            }
        }
    }

    /// Checks a form of this kind; marks bad fields, or returns the change to make.
    static func submit(_ form: inout Form, state: AppState, env: UIEnvironment) -> PlanForms.Edit? {
        let s = env.strings
        var read = FormReader(form, env: env, today: state.today)
        defer { form = read.form }
        switch form.purpose {
        case .startSession:
            let kind = CoachingSession.Kind(rawValue: read[StartSessionField.kind]) ?? .followUp
            var present = [Presence(role: .citizen), Presence(role: .coach, name: state.coach)]
            // Peer workers and employers are named people, as coaches are (a draft kept before the
            // name was asked has no name field and names no one).
            if read[StartSessionField.peerPresent] == "yes" {
                let hasName = read.form.index(of: StartSessionField.peerName) != nil
                guard let name = hasName ? read.required(StartSessionField.peerName) : "" else { return nil }
                present.append(Presence(role: .peer, name: name.isEmpty ? nil : name))
            }
            let employer = read[StartSessionField.employer]
            if !employer.isEmpty { present.append(Presence(role: .employer, name: employer)) }
            present += read[StartSessionField.othersPresent].split(separator: ",").map {
                Presence(role: .other, name: $0.trimmingCharacters(in: .whitespaces))
            }
            .filter { !($0.name ?? "").isEmpty }
            return { p, editor in
                let session = p.startSession(
                    id: editor.makeID("x"), kind: kind, present: present, stamp: Stamp(by: state.coach, at: editor.now), today: editor.today
                )
                return PlanChange(.session, s("session.kind.\(session.kind.rawValue)"))
            }
        case .endSession:
            let agreements = read[EndSessionField.agreements]
            guard let next = read.date(EndSessionField.nextDate, optional: true), let time = read.time(EndSessionField.nextTime) else {
                return nil
            }
            let place = read[EndSessionField.place]
            if next == nil && (time != nil || !place.isEmpty) {
                read.mark(EndSessionField.nextDate, "error.nextDate")
                return nil
            }
            if let day = next, let clock = time, let key = LocalTime.refusalKey(day: day, time: clock, in: env.timeZone) {
                read.mark(EndSessionField.nextTime, key, ["time": clock, "date": s.numericDate(day)])
                return nil
            }
            let appointment = next.map { Appointment(day: $0, time: time, place: place, contact: read[EndSessionField.whoContacts]) }
            // A next appointment at the time of one of the citizen's offers is said once; the
            // next Enter with the same day and time keeps it. Before the whole catalogue first
            // came (it is read on another thread when the form opens) there is nothing to check
            // it against: Enter then waits for it, and says so.
            if appointment != nil, state.catalogueReading {
                read.mark(EndSessionField.nextDate, "offers.stillReading")
                return nil
            }
            if let appointment, let p = state.open?.participant {
                let clashes = Booking.overlaps(of: appointment, for: p, among: state.offers)
                let seen = String(appointment.day.ordinal) + "|" + (appointment.time ?? "")
                if !clashes.isEmpty, read.form.warned != seen {
                    read.mark(EndSessionField.nextDate, "warning.appointmentClash", ["other": OfferMessages.named(clashes, strings: s)])
                    read.form.warned = seen
                    return nil
                }
            }
            return { p, editor in
                guard p.openSession != nil else { return nil }
                p.endSession(agreements: agreements.isEmpty ? nil : editor.words(agreements), next: appointment, at: editor.now)
                return PlanChange(.session, agreements)
            }
        case .note(let id):
            guard let body = read.required(NoteField.text) else { return nil }
            let kind = ProgressNote.Kind(rawValue: read[NoteField.kind]) ?? .note
            let tags = NoteTags.stored(read[NoteField.tags], env: env)
            let session = state.open?.participant.openSession?.id
            return { p, editor in
                if let id, let index = p.notes.firstIndex(where: { $0.id == id }) {
                    p.notes[index].kind = kind
                    return p.notes[index].edit(editor.words(body), tags: tags) ? PlanChange(.note, body) : nil
                }
                p.notes.append(ProgressNote(id: editor.makeID("n"), kind: kind, sessionId: session, tags: tags, text: editor.words(body)))
                return PlanChange(.note, body)
            }
        case .rating:
            var scores: [String: Int] = [:]
            for indicator in env.indicators.indicators { scores[indicator.id] = Int(read.form.value(named: indicator.id)) }
            let belief = Int(read.form.value(named: coachBelief))
            guard !scores.isEmpty || belief != nil else {
                read.form.mark(named: env.indicators.indicators.first?.id ?? coachBelief, s("error.noRating"))
                return nil
            }
            // The form starts from the last rating's answers: saved untouched, they would say the
            // citizen rated today what they rated then. The first Enter says so; the next saves.
            if !read.form.typed, read.form.warned != coachBelief, let last = state.open?.participant.ratings.last {
                read.form.note = s("warning.ratingUnchanged", ["date": s.shortDate(last.day)])
                read.form.warned = coachBelief
                return nil
            }
            let session = state.open?.participant.openSession?.id
            return { p, editor in
                p.ratings.append(
                    Rating(
                        day: editor.today, sessionId: session, scores: scores, coachBelief: belief,
                        stamp: Stamp(by: state.coach, at: editor.now)))
                return PlanChange(.rating, "")
            }
        case .milestone:
            let kind = Milestone.Kind(rawValue: read[MilestoneField.kind]) ?? .custom
            let words = kind == .custom ? read.required(MilestoneField.text) : read[MilestoneField.text]
            guard let day = read.date(MilestoneField.date, optional: false), let when = day, let words else { return nil }
            return { p, _ in
                p.milestones.append(Milestone(kind: kind, text: words, day: when))
                p.milestones.sort { $0.day < $1.day }
                return PlanChange(.milestone, words)
            }
        case .outcome:
            let kind = Outcome.Kind(rawValue: read[OutcomeField.kind])
            if kind == nil { read.mark(OutcomeField.kind, "error.outcomeKind") }
            let hoursFit = hoursFitKind(kind, hours: OutcomeField.hours, read: &read)
            let hours = read.int(OutcomeField.hours, in: 1...60, optional: true, message: "error.hours")
            let (after3, after6) = (later(3, read: &read), later(6, read: &read))
            guard let kind, hoursFit, let hours, let day = read.date(OutcomeField.date, optional: false), let when = day, let after3,
                let after6
            else { return nil }
            let words = read[OutcomeField.text]
            return { p, _ in
                p.outcome = Outcome(kind: kind, hoursPerWeek: hours, text: words, day: when, after3Months: after3, after6Months: after6)
                return PlanChange(.outcome, words)
            }
        case .contact(let id):
            guard let name = read.required(ContactField.name) else { return nil }
            let kind = Contact.Kind(rawValue: read[ContactField.kind]) ?? .other
            let consent = read[ContactField.consent]
            let (phone, email) = (read[ContactField.phone], read[ContactField.email])
            // A draft kept before these fields were asked shares what a yes then meant: the plan.
            let information =
                read.form.index(of: ContactField.plan) == nil
                ? [.plan]
                : ConsentChange.Information.allCases.filter { read[ContactField.of($0)] == "yes" }
            let remove = read[ContactField.removed] == "yes"
            guard let until = read.date(ContactField.until, optional: true) else { return nil }
            return { p, editor in
                var contact =
                    p.contacts.first { $0.id == id } ?? Contact(id: editor.makeID("c"), kind: kind, name: name, phone: phone, email: email)
                contact.kind = kind
                contact.name = name
                contact.phone = phone
                contact.email = email
                // Each new answer (yes with what and until when, or no) is added: the history stays.
                if consent != "notAsked" {
                    let answer = ConsentChange(
                        given: consent == "given", information: information, until: until, day: editor.today,
                        stamp: Stamp(by: editor.name, at: editor.now))
                    let last = contact.consent.last
                    if last?.given != answer.given || last?.information != answer.information || last?.until != answer.until {
                        contact.consent.append(answer)
                    }
                }
                if remove != (contact.removed != nil) { contact.removed = remove ? Stamp(by: editor.name, at: editor.now) : nil }
                if let index = p.contacts.firstIndex(where: { $0.id == contact.id }) {
                    p.contacts[index] = contact
                } else {
                    p.contacts.append(contact)
                }
                return PlanChange(.contact, name)
            }
        default:
            return nil
        }
    }
}
