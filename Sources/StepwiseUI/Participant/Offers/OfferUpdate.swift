import StepwiseCore

/// The offers tab: moving through the catalogue, its filter, the detail view, booking and
/// giving up a seat.
enum OfferUpdate {
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard var open = state.open, open.tab == .offers else { return nil }
        if CatalogueReading.holds(action, among: CatalogueReading.listKeys, state: &state, env: env) { return [] }
        let s = env.strings
        let offers = state.listed(open.offerFilter, env: env)
        let selected = self.selected(open, state: state, env: env)
        let page = max(1, state.height - 9)
        switch action {
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            let shown = open.offerDetail.flatMap { id in state.offers.first { $0.id == id } }.map { offer in
                let inside = Overlays.inside(
                    width: state.width - 2, height: state.height - 4, screenWidth: state.width, screenHeight: state.height)
                return (detail(offer, of: open.participant, today: state.today, env: env, width: inside.width).count, inside.height)
            }
            ListCursor.move(
                action, selection: &open.offerSelection, count: offers.count, page: page,
                detailScroll: &open.offerDetailScroll, detail: shown)
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
            guard !open.isReadOnly else {
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

    /// The offer the keys act on: the one whose details are open, else the one selected in the
    /// list (as the list shows it, `AppState.listed`).
    static func selected(_ open: OpenParticipant, state: AppState, env: UIEnvironment) -> Offer? {
        let listed = state.listed(open.offerFilter, env: env)
        return open.offerDetail.flatMap { id in state.offers.first { $0.id == id } }
            ?? (listed.indices.contains(open.offerSelection) ? listed[open.offerSelection] : nil)
    }

    /// Booking asks first when every date of the offer is past, or when it clashes with
    /// another booking or a conversation.
    private static func book(_ offer: Offer, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard let p = state.open?.participant else { return [] }
        let s = env.strings
        if Booking.place(of: p.id, in: offer) != nil {
            state.message = Message(s("offers.alreadyIn", ["title": offer.title]))
            return []
        }
        if OfferFilter.isPast(offer, today: state.today), let last = offer.sessions.map(\.day).max() {
            state.confirm = Confirm(
                purpose: .book(offer.id), question: s("confirm.pastOffer", ["title": offer.title, "date": s.dayWithWeekday(last)]))
            return []
        }
        let overlaps = Booking.overlaps(of: offer, for: p, among: state.offers)
        guard overlaps.isEmpty else {
            state.confirm = Confirm(purpose: .book(offer.id), question: OfferMessages.clash(offer, with: overlaps, strings: s))
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

    /// The lines of an offer's details box on the participant's offers tab, `width` columns
    /// wide: the offer, then the participant's own placement when it is an internship.
    static func detail(_ offer: Offer, of participant: Participant, today: Day, env: UIEnvironment, width: Int) -> [StyledLine] {
        StyledLine.wrapping(
            OfferText.detail(offer, participant: participant.id, today: today, env: env, width: width)
                + PlacementView.lines(participant, offer: offer, env: env, width: width),
            width: width)
    }
}

/// The fields of the offer filter's form.
enum OfferFilterField: String, FormFieldName { case words, kind, from, freeOnly, language }
/// The field of the booking form: which step the offer serves.
enum BookField: String, FormFieldName { case step }

/// The forms of the offers tab: the filter, and which step a booking serves.
enum OfferForms {
    static func filter(_ filter: OfferFilter, offers: [Offer], strings: Localizer) -> Form {
        let kinds = ["all"] + OfferKind.builtIn + Set(offers.map(\.kind)).subtracting(OfferKind.builtIn).sorted()
        let languages = ["any"] + Set(offers.map(\.language)).sorted()
        return Form(purpose: .offerFilter, title: "form.offerFilter.title", OfferFilterField.self) { name in
            switch name {
            case .words: return Form.Field(label: "field.words", input: TextField(filter.query, maxLength: 100), hint: "field.words.hint")
            case .kind:
                var kind = Form.Field(label: "field.offerKind", choices: kinds, prefix: "offer.kind.", selected: filter.kind ?? "all")
                kind.choiceLabels = kinds.map { OfferKind.builtIn.contains($0) || $0 == "all" ? strings("offer.kind.\($0)") : $0 }
                return kind
            case .from:
                return Form.Field(
                    label: "field.from", input: TextField(filter.from.map { strings.numericDate($0) } ?? "", maxLength: 40),
                    hint: "field.from.hint")
            case .freeOnly:
                return Form.Field(
                    label: "field.freeOnly", choices: CoachingForms.yesNo, prefix: "choice.",
                    selected: filter.freeSeatsOnly ? "yes" : "no")
            case .language:
                var language = Form.Field(label: "field.language", choices: languages, prefix: "", selected: filter.language ?? "any")
                language.choiceLabels = languages.map { $0 == "any" ? strings("offers.anyLanguage") : strings.languageName($0) }
                return language
            }
        }
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
        let title = offer.booked.count < offer.capacity ? "form.book.title" : "form.bookWaitlist.title"
        return Form(purpose: .book(offer.id), title: title, BookField.self) { name in
            switch name {
            case .step:
                var field = Form.Field(label: "field.forStep", choices: values, prefix: "", selected: "none")
                field.choiceLabels = labels
                field.hint = "field.forStep.hint"
                return field
            }
        }
    }

    /// Applies the submitted filter to the offers tab, or to the catalogue when no participant
    /// is open; marks a bad date.
    static func submitFilter(_ form: inout Form, state: inout AppState, env: UIEnvironment) -> [Effect] {
        var read = FormReader(form, env: env, today: state.today)
        defer { form = read.form }
        guard let from = read.date(OfferFilterField.from, optional: true) else { return [] }
        var filter = state.open?.offerFilter ?? state.catalogue?.filter ?? OfferFilter()
        filter.query = read[OfferFilterField.words]
        filter.kind = read[OfferFilterField.kind] == "all" ? nil : read[OfferFilterField.kind]
        filter.from = from
        filter.freeSeatsOnly = read[OfferFilterField.freeOnly] == "yes"
        filter.language = read[OfferFilterField.language] == "any" ? nil : read[OfferFilterField.language]
        if state.open != nil {
            state.open?.offerFilter = filter
            state.open?.offerSelection = 0
        } else {
            state.catalogue?.filter = filter
            state.catalogue?.selection = 0
        }
        return []
    }

    /// Books `offer` for the open participant, for the step chosen in the form, if any.
    static func submitBooking(_ form: Form, offer: String, state: AppState) -> [Effect] {
        guard let participant = state.open?.participant.id else { return [] }
        let link = form[BookField.step].split(separator: "/").map(String.init)
        return [.book(participant: participant, offer: offer, step: link.count == 2 ? .step(goal: link[0], step: link[1]) : nil)]
    }
}
