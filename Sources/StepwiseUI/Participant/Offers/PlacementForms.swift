import Foundation
import StepwiseCore

/// The fields of a participant's placement form.
enum PlacementField: String, FormFieldName {
    case periodStart, periodEnd, hours
    case shorterDays, moreBreaks, mentor, quietWorkplace, otherAdjustments
}
/// The fields of a follow-up meeting's form.
enum FollowUpField: String, FormFieldName { case date, time, status, withParticipant, withEmployer, others, notes, next }
/// The one field of the form that chooses a planned follow-up meeting to change.
enum ChooseFollowUpField: String, FormFieldName { case meeting }

/// The forms of the open participant's own placement in an internship offer: their period,
/// hours and agreed adjustments, and their follow-up meetings. They are written on that
/// participant's screen, during their session, into their record (`Participant.placements`).
enum PlacementForms {
    /// The placement form; a first placement starts from the period and hours the offer gives.
    static func placement(_ offer: Offer, of participant: Participant, strings: Localizer) -> Form {
        let internship = offer.internship ?? Internship()
        let p =
            participant.placements[offer.id]
            ?? Placement(start: internship.start, end: internship.end, hoursPerWeek: internship.hoursPerWeek)
        let text = InternshipForms.text
        let yesNo = InternshipForms.yesNo
        return Form(purpose: .placement(offer.id), title: "form.placement.title", compact: true, PlacementField.self) { name in
            switch name {
            case .periodStart: text("field.periodStart", p.start.map { strings.numericDate($0) } ?? "", "field.date.hint", false)
            case .periodEnd: text("field.periodEnd", p.end.map { strings.numericDate($0) } ?? "", "field.date.hint", false)
            case .hours: text("field.hours", InternshipForms.hoursText(p.hoursPerWeek), "field.hours.hint", false)
            case .shorterDays: yesNo("accommodation.shorterDays.field", p.accommodations.shorterDays)
            case .moreBreaks: yesNo("accommodation.moreBreaks.field", p.accommodations.moreBreaks)
            case .mentor: text("accommodation.mentor.field", p.accommodations.mentor, nil, false)
            case .quietWorkplace: yesNo("accommodation.quiet.field", p.accommodations.quietWorkplace)
            case .otherAdjustments: text("accommodation.other.field", p.accommodations.other, nil, true)
            }
        }
    }

    /// Which meeting the follow-up form opens: the first planned meeting due by `today` (to
    /// record it as held), else none (a new meeting, e.g. the next of several planned ahead).
    static func due(in placement: Placement?, today: Day) -> Int? {
        guard let meetings = placement?.followUps else { return nil }
        return meetings.indices.filter { meetings[$0].status == .planned && meetings[$0].day <= today }
            .min { meetings[$0].day < meetings[$1].day }
    }

    /// A follow-up meeting: the one due (to record it as held), or a new one.
    static func followUp(_ offer: Offer, of participant: Participant, strings: Localizer, today: Day) -> Form {
        let index = due(in: participant.placements[offer.id], today: today)
        return followUp(offer, at: index, of: participant, strings: strings, today: today, held: index != nil)
    }

    /// The chooser of a planned follow-up meeting to change or cancel, soonest first, each
    /// named by its day, time and who takes part; nil when no meeting is planned.
    static func choosePlanned(_ offer: Offer, of participant: Participant, strings: Localizer) -> Form? {
        guard let meetings = participant.placements[offer.id]?.followUps else { return nil }
        let planned = meetings.indices.filter { meetings[$0].status == .planned }
            .sorted { (meetings[$0].day, meetings[$0].time ?? "") < (meetings[$1].day, meetings[$1].time ?? "") }
        guard !planned.isEmpty else { return nil }
        return Form(purpose: .chooseFollowUp(offer.id), title: "form.chooseFollowUp.title", ChooseFollowUpField.self) { _ in
            var field = Form.Field(label: "field.followUpMeeting", choices: planned.map(String.init), prefix: "", selected: nil)
            field.choiceLabels = planned.map { meetings[$0].when(strings) + " · " + meetings[$0].people(strings) }
            return field
        }
    }

    /// The meeting at `index` of the participant's placement in `offer` (nil: a new one): with
    /// `held`, to record it as held, else to change it as it stands (its day, time, who takes
    /// part, notes), or to cancel it by its status.
    private static func followUp(_ offer: Offer, at index: Int?, of participant: Participant, strings: Localizer, today: Day, held: Bool)
        -> Form
    {
        let meeting = index.flatMap { participant.placements[offer.id]?.followUps[$0] }
        let title = meeting == nil ? "form.followUp.title" : held ? "form.followUpHeld.title" : "form.followUpEdit.title"
        let status = meeting.map { held ? FollowUpMeeting.Status.held : $0.status } ?? .planned
        var form = Form(purpose: .followUp(offer.id, index), title: title, compact: true, FollowUpField.self) { name in
            switch name {
            case .date:
                Form.Field(
                    label: "field.date", input: TextField(strings.numericDate(meeting?.day ?? today), maxLength: 40),
                    hint: "field.date.hint")
            case .time: Form.Field(label: "field.time", input: TextField(meeting?.time ?? "", maxLength: 5), hint: "field.time.hint")
            case .status:
                Form.Field(
                    label: "field.status", choices: FollowUpMeeting.Status.allCases.map(\.rawValue), prefix: "followUp.",
                    selected: status.rawValue)
            case .withParticipant: InternshipForms.yesNo("field.withParticipant", meeting?.withParticipant ?? true)
            case .withEmployer: InternshipForms.yesNo("field.withEmployer", meeting?.withEmployer ?? true)
            case .others: InternshipForms.text("field.followUpOthers", meeting?.others ?? "", "field.followUpOthers.hint")
            case .notes: Form.Field(label: "field.followUpNotes", input: TextField(meeting?.notes ?? "", maxLength: 2_000, multiline: true))
            case .next:
                Form.Field(
                    label: "field.followUpNext", input: TextField(meeting?.next.map { strings.numericDate($0) } ?? "", maxLength: 40),
                    hint: "field.followUpNext.hint")
            }
        }
        form.base = meeting?.notes
        return form
    }

    /// Checks a placement or follow-up form; marks bad fields, or puts the change in the open
    /// participant's record and asks to save it (the audit log names the act, never the text).
    static func submit(_ form: inout Form, state: inout AppState, env: UIEnvironment) -> [Effect] {
        if case .chooseFollowUp(let id) = form.purpose {
            // The chosen meeting opens in its own form; nothing is saved yet.
            guard let participant = state.open?.participant, let index = Int(form[ChooseFollowUpField.meeting]),
                let offer = state.offers.first(where: { $0.id == id })
            else { return [] }
            state.form = followUp(offer, at: index, of: participant, strings: env.strings, today: state.today, held: false)
            return []
        }
        var read = FormReader(form, env: env, today: state.today)
        defer { form = read.form }
        guard var open = state.open, !open.isReadOnly else { return [] }
        var participant = open.participant
        let action: AuditAction
        let offerId: String
        var saved = "placement.saved"
        switch form.purpose {
        case .placement(let id):
            guard
                let period = InternshipForms.period(
                    &read, start: PlacementField.periodStart, end: PlacementField.periodEnd, hours: PlacementField.hours)
            else { return [] }
            var placement = participant.placements[id] ?? Placement()
            placement.start = period.start
            placement.end = period.end
            placement.hoursPerWeek = period.hours
            placement.accommodations = Accommodations(
                shorterDays: read[PlacementField.shorterDays] == "yes", moreBreaks: read[PlacementField.moreBreaks] == "yes",
                mentor: read[PlacementField.mentor], quietWorkplace: read[PlacementField.quietWorkplace] == "yes",
                other: read[PlacementField.otherAdjustments])
            participant.placements[id] = placement
            (action, offerId) = (.placementChanged, id)
        case .followUp(let id, let index):
            let day = read.date(FollowUpField.date, optional: false)
            let time = read.time(FollowUpField.time)
            let next = read.date(FollowUpField.next, optional: true)
            if let day = day ?? nil, let next = next ?? nil, next <= day { read.mark(FollowUpField.next, "error.followUpNext") }
            let status = FollowUpMeeting.Status(rawValue: read[FollowUpField.status]) ?? .planned
            // A meeting is recorded as held on its day or after it, never ahead of it.
            if status == .held, let day = day ?? nil, day > state.today { read.mark(FollowUpField.status, "error.followUpHeldAhead") }
            guard read.isValid, let day = day ?? nil, let time, let next else { return [] }
            let meeting = FollowUpMeeting(
                day: day, time: time, status: status,
                withParticipant: read[FollowUpField.withParticipant] == "yes", withEmployer: read[FollowUpField.withEmployer] == "yes",
                others: read[FollowUpField.others], notes: read[FollowUpField.notes], next: next)
            var placement = participant.placements[id] ?? Placement()
            let replaces = index.map(placement.followUps.indices.contains) ?? false
            placement.put(meeting, at: index, now: state.now)
            participant.placements[id] = placement
            (action, offerId) = (replaces ? .followUpChanged : .followUpAdded, id)
            saved = meeting.status == .cancelled ? "followUp.cancelledSaved" : "followUp.saved"
        default:
            return []
        }
        participant.updated = Stamp(by: state.coach, at: state.now)
        open.participant = participant
        state.open = open
        let title = state.offers.first { $0.id == offerId }?.title ?? offerId
        state.message = Message(env.strings(saved, ["title": title]))
        return [.savePlacement(participant, audit: action)]
    }
}
