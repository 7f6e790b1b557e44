import Foundation
import StepwiseCore

/// The forms of sessions, notes, ratings, milestones, the outcome and contacts.
enum CoachingForms {
    static let yesNo = ["no", "yes"]
    static let ratingChoices = ["-"] + (1...10).map(String.init)
    static let consentChoices = ["notAsked", "given", "withdrawn"]

    /// Starting a session: the kind defaults to the next mandatory conversation when it is due
    /// within a week, else a follow-up.
    static func startSession(_ p: Participant, today: Day) -> Form {
        var kind = CoachingSession.Kind.followUp
        if let next = p.nextConversation, next.planned <= today.adding(days: 7) {
            kind = [.conversation1, .conversation2, .conversation3][max(0, min(2, next.number - 1))]
        }
        return Form(purpose: .startSession, title: "form.startSession.title", fields: [
            Form.Field(label: "field.sessionKind", choices: CoachingSession.Kind.allCases.map(\.rawValue), prefix: "session.kind.", selected: kind.rawValue),
            Form.Field(label: "field.peerPresent", choices: yesNo, prefix: "choice.", selected: "no"),
            Form.Field(label: "field.employer", input: TextField(maxLength: 200), hint: "field.employer.hint"),
            Form.Field(label: "field.othersPresent", input: TextField(maxLength: 400), hint: "field.othersPresent.hint"),
        ])
    }

    static func endSession(strings: Localizer) -> Form {
        Form(purpose: .endSession, title: "form.endSession.title", fields: [
            Form.Field(label: "field.agreements", input: TextField(), hint: "field.agreements.hint"),
            Form.Field(label: "field.nextDate", input: TextField(maxLength: 40), hint: "field.due.hint"),
            Form.Field(label: "field.nextTime", input: TextField(maxLength: 5), hint: "field.time.hint"),
            Form.Field(label: "field.place", input: TextField(maxLength: 200)),
            Form.Field(label: "field.whoContacts", input: TextField(maxLength: 200), hint: "field.whoContacts.hint"),
        ])
    }

    static func note(_ note: ProgressNote?, writer: Author, strings: Localizer) -> Form {
        let kind = note?.kind ?? (writer == .citizen ? .reflection : .note)
        let tags = (note?.tags ?? []).map { ProgressNote.standardTags.contains($0) ? strings("tag.\($0)") : $0 }
        return Form(purpose: .note(note?.id), title: note == nil ? "form.note.title" : "form.editNote.title", fields: [
            Form.Field(label: "field.note", input: TextField(note?.current?.text ?? ""), hint: note == nil ? "field.note.hint" : "field.editNote.hint"),
            Form.Field(label: "field.noteKind", choices: ProgressNote.Kind.allCases.map(\.rawValue), prefix: "note.kind.", selected: kind.rawValue),
            Form.Field(label: "field.tags", input: TextField(tags.joined(separator: ", "), maxLength: 300), hint: "field.tags.hint"),
        ])
    }

    static func rating(_ indicators: IndicatorSet, previous: Rating?, language: String) -> Form {
        var fields = indicators.indicators.map { indicator -> Form.Field in
            var field = Form.Field(label: "indicator:" + indicator.text(in: language), choices: ratingChoices, prefix: "",
                                   selected: previous?.scores[indicator.id].map(String.init) ?? "-")
            field.showsBar = true
            return field
        }
        var belief = Form.Field(label: "indicator:" + (indicators.coachBelief[language] ?? indicators.coachBelief["en"] ?? ""),
                                choices: ratingChoices, prefix: "", selected: previous?.coachBelief.map(String.init) ?? "-")
        belief.showsBar = true
        fields.append(belief)
        return Form(purpose: .rating, title: "form.rating.title", fields: fields, compact: true)
    }

    static func milestone(today: Day, strings: Localizer) -> Form {
        Form(purpose: .milestone, title: "form.milestone.title", fields: [
            Form.Field(label: "field.milestoneText", input: TextField(maxLength: 300), hint: "field.milestoneText.hint"),
            Form.Field(label: "field.milestoneKind", choices: Milestone.Kind.allCases.map(\.rawValue), prefix: "milestone.", selected: nil),
            Form.Field(label: "field.date", input: TextField(suggesting: strings.numericDate(today), maxLength: 40), hint: "field.date.hint"),
        ])
    }

    static func outcome(_ outcome: Outcome?, today: Day, strings: Localizer) -> Form {
        Form(purpose: .outcome, title: "form.outcome.title", fields: [
            Form.Field(label: "field.outcomeText", input: TextField(outcome?.text ?? "", maxLength: 300)),
            Form.Field(label: "field.outcomeKind", choices: Outcome.Kind.allCases.map(\.rawValue), prefix: "outcome.", selected: outcome?.kind.rawValue),
            Form.Field(label: "field.hours", input: TextField(outcome?.hoursPerWeek.map(String.init) ?? "", maxLength: 3), hint: "field.hours.hint"),
            Form.Field(label: "field.date", input: TextField(strings.numericDate(outcome?.day ?? today), maxLength: 40), hint: "field.date.hint"),
        ])
    }

    static func contact(_ contact: Contact?) -> Form {
        let consent = contact?.consent.last.map { $0.given ? "given" : "withdrawn" } ?? "notAsked"
        return Form(purpose: .contact(contact?.id), title: contact == nil ? "form.contact.title" : "form.editContact.title", fields: [
            Form.Field(label: "field.contactName", input: TextField(contact?.name ?? "", maxLength: 200)),
            Form.Field(label: "field.contactKind", choices: Contact.Kind.allCases.map(\.rawValue), prefix: "contact.", selected: contact?.kind.rawValue),
            Form.Field(label: "field.phone", input: TextField(contact?.phone ?? "", maxLength: 40)),
            Form.Field(label: "field.email", input: TextField(contact?.email ?? "", maxLength: 200)),
            Form.Field(label: "field.consent", choices: consentChoices, prefix: "consent.", selected: consent),
        ])
    }

    /// Checks a form of this kind; marks bad fields, or returns the change to make.
    static func submit(_ form: inout Form, state: AppState, env: UIEnvironment) -> PlanForms.Edit? {
        let s = env.strings
        let today = state.today
        func text(_ index: Int) -> String { form.value(index) }
        func required(_ index: Int) -> String? {
            let value = text(index)
            if value.isEmpty { form.fields[index].error = s("error.required") }
            return value.isEmpty ? nil : value
        }
        func date(_ index: Int, optional: Bool) -> Day?? {
            let value = text(index)
            if value.isEmpty && optional { return .some(nil) }
            guard let day = env.dates.parse(value, today: today) else {
                form.fields[index].error = s("error.date")
                return nil
            }
            return .some(day)
        }
        switch form.purpose {
        case .startSession:
            let kind = CoachingSession.Kind(rawValue: text(0)) ?? .followUp
            var present = [Presence(role: .citizen), Presence(role: .coach, name: state.coach)]
            if text(1) == "yes" { present.append(Presence(role: .peer)) }
            if !text(2).isEmpty { present.append(Presence(role: .employer, name: text(2))) }
            present += text(3).split(separator: ",").map { Presence(role: .other, name: $0.trimmingCharacters(in: .whitespaces)) }
                .filter { !($0.name ?? "").isEmpty }
            return { p, editor in
                let session = p.startSession(id: editor.makeID("x"), kind: kind, present: present, stamp: Stamp(by: state.coach, at: editor.now), today: editor.today)
                return PlanChange(.session, s("session.kind.\(session.kind.rawValue)"))
            }
        case .endSession:
            let agreements = text(0)
            guard let next = date(1, optional: true) else { return nil }
            let time = text(2)
            if !time.isEmpty && !TimeOfDay.isValid(time) { form.fields[2].error = s("error.time"); return nil }
            if next == nil && (!time.isEmpty || !text(3).isEmpty) { form.fields[1].error = s("error.nextDate"); return nil }
            let appointment = next.map { Appointment(day: $0, time: time.isEmpty ? nil : TimeOfDay.normalized(time), place: text(3), contact: text(4)) }
            return { p, editor in
                guard p.openSession != nil else { return nil }
                p.endSession(agreements: agreements.isEmpty ? nil : editor.words(agreements), next: appointment, at: editor.now)
                return PlanChange(.session, agreements)
            }
        case let .note(id):
            guard let body = required(0) else { return nil }
            let kind = ProgressNote.Kind(rawValue: text(1)) ?? .note
            let tags = text(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { typed in ProgressNote.standardTags.first { SearchText.fold(s("tag.\($0)")) == SearchText.fold(typed) || $0 == typed } ?? typed }
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
            let indicators = env.indicators
            var scores: [String: Int] = [:]
            for (index, indicator) in indicators.indicators.enumerated() { scores[indicator.id] = Int(text(index)) }
            let belief = Int(text(indicators.indicators.count))
            guard !scores.isEmpty || belief != nil else { form.fields[0].error = s("error.noRating"); return nil }
            let session = state.open?.participant.openSession?.id
            return { p, editor in
                p.ratings.append(Rating(day: editor.today, sessionId: session, scores: scores, coachBelief: belief,
                                        stamp: Stamp(by: state.coach, at: editor.now)))
                return PlanChange(.rating, "")
            }
        case .milestone:
            let kind = Milestone.Kind(rawValue: text(1)) ?? .custom
            let words = text(0)
            if kind == .custom && words.isEmpty { form.fields[0].error = s("error.required"); return nil }
            guard let day = date(2, optional: false), let when = day else { return nil }
            return { p, _ in
                p.milestones.append(Milestone(kind: kind, text: words, day: when))
                p.milestones.sort { $0.day < $1.day }
                return PlanChange(.milestone, words)
            }
        case .outcome:
            let kind = Outcome.Kind(rawValue: text(1)) ?? .other
            let hoursText = text(2)
            let hours = Int(hoursText)
            if !hoursText.isEmpty && (hours == nil || !(1...60).contains(hours ?? 0)) { form.fields[2].error = s("error.hours"); return nil }
            guard let day = date(3, optional: false), let when = day else { return nil }
            let words = text(0)
            return { p, _ in
                p.outcome = Outcome(kind: kind, hoursPerWeek: hours, text: words, day: when)
                return PlanChange(.outcome, words)
            }
        case let .contact(id):
            guard let name = required(0) else { return nil }
            let kind = Contact.Kind(rawValue: text(1)) ?? .other
            let consent = text(4)
            let (phone, email) = (text(2), text(3))
            return { p, editor in
                var contact = p.contacts.first { $0.id == id } ?? Contact(id: editor.makeID("c"), kind: kind, name: name, phone: phone, email: email)
                contact.kind = kind
                contact.name = name
                contact.phone = phone
                contact.email = email
                let current = contact.consent.last.map { $0.given ? "given" : "withdrawn" } ?? "notAsked"
                if consent != current && consent != "notAsked" {
                    contact.consent.append(ConsentChange(given: consent == "given", day: editor.today, stamp: Stamp(by: editor.name, at: editor.now)))
                }
                if let index = p.contacts.firstIndex(where: { $0.id == contact.id }) { p.contacts[index] = contact } else { p.contacts.append(contact) }
                return PlanChange(.contact, name)
            }
        default:
            return nil
        }
    }
}
