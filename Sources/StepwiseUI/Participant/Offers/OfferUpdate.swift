import StepwiseCore

/// The offers tab: moving through the catalogue, its filter, the detail view, booking and
/// giving up a seat.
enum OfferUpdate {
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard var open = state.open, open.tab == .offers else { return nil }
        let s = env.strings
        let offers = open.offerFilter.list(state.offers)
        let selected = open.offerDetail.flatMap { id in state.offers.first { $0.id == id } }
            ?? (offers.indices.contains(open.offerSelection) ? offers[open.offerSelection] : nil)
        let page = max(1, state.height - 9)
        switch action {
        case .moveUp? where open.offerDetail != nil: open.offerDetailScroll = max(0, open.offerDetailScroll - 1)
        case .moveDown? where open.offerDetail != nil: open.offerDetailScroll += 1
        case .moveUp?: open.offerSelection = max(0, open.offerSelection - 1)
        case .moveDown?: open.offerSelection = min(max(0, offers.count - 1), open.offerSelection + 1)
        case .pageUp?: open.offerSelection = max(0, open.offerSelection - page)
        case .pageDown?: open.offerSelection = min(max(0, offers.count - 1), open.offerSelection + page)
        case .moveFirst?: open.offerSelection = 0
        case .moveLast?: open.offerSelection = max(0, offers.count - 1)
        case .open?:
            open.offerDetail = selected?.id
            open.offerDetailScroll = 0
        case .back? where open.offerDetail != nil:
            open.offerDetail = nil
        case .group?:
            open.offerFilter.grouping = open.offerFilter.grouping == .kind ? .date : .kind
            open.offerSelection = 0
        case .filter?:
            state.form = OfferForms.filter(open.offerFilter, offers: state.offers, strings: s)
            return []
        case .book?, .unbook?:
            guard let offer = selected else { return [] }
            guard open.heldBy == nil else {
                state.message = Message(s("participant.readOnlyShort"), kind: .error)
                return []
            }
            return action == .book ? book(offer, state: &state, env: env) : unbook(offer, state: &state, env: env)
        default:
            return nil
        }
        state.open = open
        return []
    }

    /// Booking asks first when the offer clashes with another booking or a conversation.
    private static func book(_ offer: Offer, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard let p = state.open?.participant else { return [] }
        let s = env.strings
        if Booking.place(of: p.id, in: offer) != nil {
            state.message = Message(s("offers.alreadyIn", ["title": offer.title]))
            return []
        }
        let overlaps = Booking.overlaps(of: offer, for: p, among: state.offers)
        guard overlaps.isEmpty else {
            let clash = overlaps.map { overlap -> String in
                switch overlap.other {
                case let .offer(_, title, session, _): return title + " (" + s.dayWithWeekday(session.day) + " " + session.start + ")"
                case let .conversation(number, day): return s("conversation.number", ["n": String(number)]) + " (" + s.dayWithWeekday(day) + ")"
                }
            }.joined(separator: "; ")
            state.confirm = Confirm(purpose: .book(offer.id), question: s("confirm.overlap", ["title": offer.title, "other": clash]))
            return []
        }
        state.form = OfferForms.book(offer, participant: p, strings: s)
        return []
    }

    private static func unbook(_ offer: Offer, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard let p = state.open?.participant, Booking.place(of: p.id, in: offer) != nil else {
            state.message = Message(env.strings("offers.notIn", ["title": offer.title]))
            return []
        }
        state.confirm = Confirm(purpose: .unbook(offer.id), question: env.strings("confirm.unbook", ["title": offer.title]))
        return []
    }
}

/// The forms of the offers tab: the filter, and which step a booking serves.
enum OfferForms {
    static func filter(_ filter: OfferFilter, offers: [Offer], strings: Localizer) -> Form {
        let kinds = ["all"] + OfferKind.builtIn + Set(offers.map(\.kind)).subtracting(OfferKind.builtIn).sorted()
        let languages = ["any"] + Set(offers.map(\.language)).sorted()
        var kind = Form.Field(label: "field.offerKind", choices: kinds, prefix: "offer.kind.", selected: filter.kind ?? "all")
        kind.choiceLabels = kinds.map { OfferKind.builtIn.contains($0) || $0 == "all" ? strings("offer.kind.\($0)") : $0 }
        var language = Form.Field(label: "field.language", choices: languages, prefix: "", selected: filter.language ?? "any")
        language.choiceLabels = languages.map { $0 == "any" ? strings("offers.anyLanguage") : $0 }
        return Form(purpose: .offerFilter, title: "form.offerFilter.title", fields: [
            Form.Field(label: "field.words", input: TextField(filter.query, maxLength: 100), hint: "field.words.hint"),
            kind,
            Form.Field(label: "field.from", input: TextField(filter.from.map { strings.numericDate($0) } ?? "", maxLength: 40), hint: "field.from.hint"),
            Form.Field(label: "field.freeOnly", choices: CoachingForms.yesNo, prefix: "choice.", selected: filter.freeSeatsOnly ? "yes" : "no"),
            language,
        ])
    }

    /// "Which step does this offer serve?": none, or one of the plan's open steps.
    static func book(_ offer: Offer, participant p: Participant, strings: Localizer) -> Form {
        var values = ["none"]
        var labels = [strings("offers.noStep")]
        for goal in p.plan.goals where goal.dropped == nil {
            for step in goal.steps where step.status != .dropped && step.status != .done {
                values.append(goal.id + "/" + step.id)
                labels.append(DisplayWidth.truncate(step.text.text, to: 50))
            }
        }
        var field = Form.Field(label: "field.forStep", choices: values, prefix: "", selected: "none")
        field.choiceLabels = labels
        field.hint = "field.forStep.hint"
        let title = offer.booked.count < offer.capacity ? "form.book.title" : "form.bookWaitlist.title"
        return Form(purpose: .book(offer.id), title: title, fields: [field])
    }

    /// Applies a submitted offer form; nil when the form is not one of these.
    static func submit(_ form: inout Form, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        switch form.purpose {
        case .offerFilter:
            var filter = state.open?.offerFilter ?? state.catalogue?.filter ?? OfferFilter()
            let from = form.value(2)
            if !from.isEmpty && env.dates.parse(from, today: state.today) == nil {
                form.fields[2].error = env.strings("error.date")
                form.focus = 2
                state.form = form
                return []
            }
            filter.query = form.value(0)
            filter.kind = form.value(1) == "all" ? nil : form.value(1)
            filter.from = from.isEmpty ? nil : env.dates.parse(from, today: state.today)
            filter.freeSeatsOnly = form.value(3) == "yes"
            filter.language = form.value(4) == "any" ? nil : form.value(4)
            state.form = nil
            if state.open != nil {
                state.open?.offerFilter = filter
                state.open?.offerSelection = 0
            } else {
                state.catalogue?.filter = filter
                state.catalogue?.selection = 0
            }
            return []
        case let .book(offer):
            let link = form.value(0).split(separator: "/").map(String.init)
            state.form = nil
            guard let participant = state.open?.participant.id else { return [] }
            return [.book(participant: participant, offer: offer, step: link.count == 2 ? .step(goal: link[0], step: link[1]) : nil)]
        default:
            return nil
        }
    }
}
