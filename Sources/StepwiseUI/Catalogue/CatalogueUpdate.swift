import StepwiseCore

/// The catalogue screen: keeping the offers (add, edit, cancel) and entering attendance for a
/// whole group. It is reached from the caseload, never while a participant is open.
enum CatalogueUpdate {
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard var catalogue = state.catalogue else { return [] }
        let s = env.strings
        let offers = catalogue.filter.list(state.offers)
        let selected = catalogue.detail.flatMap { id in state.offers.first { $0.id == id } }
            ?? catalogue.sheet.flatMap { sheet in state.offers.first { $0.id == sheet.offer } }
            ?? (offers.indices.contains(catalogue.selection) ? offers[catalogue.selection] : nil)
        if var sheet = catalogue.sheet, let offer = selected {
            let effects = attendance(action, sheet: &sheet, offer: offer)
            catalogue.sheet = action == .back ? nil : sheet
            state.catalogue = catalogue
            return effects
        }
        let page = max(1, state.height - 8)
        switch action {
        case .moveUp? where catalogue.detail != nil: catalogue.detailScroll = max(0, catalogue.detailScroll - 1)
        case .moveDown? where catalogue.detail != nil: catalogue.detailScroll += 1
        case .moveUp?: catalogue.selection = max(0, catalogue.selection - 1)
        case .moveDown?: catalogue.selection = min(max(0, offers.count - 1), catalogue.selection + 1)
        case .pageUp?: catalogue.selection = max(0, catalogue.selection - page)
        case .pageDown?: catalogue.selection = min(max(0, offers.count - 1), catalogue.selection + page)
        case .moveFirst?: catalogue.selection = 0
        case .moveLast?: catalogue.selection = max(0, offers.count - 1)
        case .open?:
            catalogue.detail = selected?.id
            catalogue.detailScroll = 0
        case .back?:
            if catalogue.detail != nil { catalogue.detail = nil } else {
                state.catalogue = nil
                return []
            }
        case .group?:
            catalogue.filter.grouping = catalogue.filter.grouping == .kind ? .date : .kind
            catalogue.selection = 0
        case .filter?:
            state.form = OfferForms.filter(catalogue.filter, offers: state.offers, strings: s)
        case .addOffer?:
            state.form = CatalogueForms.offer(nil, strings: s)
        case .editOffer?:
            if let offer = selected { state.form = CatalogueForms.offer(offer, strings: s) }
        case .internship?:
            if let offer = selected { state.form = InternshipForms.internship(offer, strings: s) }
        case .followUp?:
            if let offer = selected { state.form = InternshipForms.followUp(offer, strings: s, today: state.today) }
        case .cancelOffer?:
            guard let offer = selected else { break }
            if offer.status == .cancelled {
                state.message = Message(s("catalogue.alreadyCancelled", ["title": offer.title]))
            } else {
                state.confirm = Confirm(purpose: .cancelOffer(offer.id), question: s("confirm.cancelOffer", [
                    "title": offer.title, "n": String(offer.booked.count + offer.waiting.count)]))
            }
        case .attendance?:
            guard let offer = selected else { break }
            if offer.booked.isEmpty || offer.sessions.isEmpty {
                state.message = Message(s("catalogue.noAttendance"))
            } else {
                let sessions = CatalogueView.sessions(of: offer)
                let today = sessions.lastIndex { $0.day <= state.today } ?? 0
                catalogue.sheet = AttendanceSheet(offer: offer.id, session: today)
            }
        default: break
        }
        state.catalogue = catalogue
        return []
    }

    /// 1 attended, 2 absent, 3 excused for the selected person; A marks everyone attended.
    private static func attendance(_ action: ActionID?, sheet: inout AttendanceSheet, offer: Offer) -> [Effect] {
        let sessions = CatalogueView.sessions(of: offer)
        let people = offer.booked.map(\.participantId)
        guard sessions.indices.contains(sheet.session) else { return [] }
        let session = sessions[sheet.session]
        switch action {
        case .moveUp?: sheet.selection = max(0, sheet.selection - 1)
        case .moveDown?: sheet.selection = min(max(0, people.count - 1), sheet.selection + 1)
        case .moveFirst?: sheet.selection = 0
        case .moveLast?: sheet.selection = max(0, people.count - 1)
        case .previousSession?: sheet.session = max(0, sheet.session - 1)
        case .nextSession?: sheet.session = min(sessions.count - 1, sheet.session + 1)
        case .attended?, .absent?, .excused?:
            guard people.indices.contains(sheet.selection) else { return [] }
            let status: Attendance.Status = action == .attended ? .attended : action == .absent ? .absent : .excused
            let person = people[sheet.selection]
            sheet.selection = min(people.count - 1, sheet.selection + 1)
            return [.markAttendance(offer: offer.id, session: session, marks: [person: status])]
        case .allAttended?:
            return [.markAttendance(offer: offer.id, session: session,
                                    marks: Dictionary(uniqueKeysWithValues: people.map { ($0, Attendance.Status.attended) }))]
        default: break
        }
        return []
    }
}

/// The form that adds or changes an offer, one row per field.
enum CatalogueForms {
    static func offer(_ offer: Offer?, strings: Localizer) -> Form {
        let kinds = OfferKind.builtIn + ["custom"]
        let isCustom = offer.map { !OfferKind.builtIn.contains($0.kind) } ?? false
        var kind = Form.Field(label: "field.offerKind", choices: kinds, prefix: "offer.kind.", selected: isCustom ? "custom" : offer?.kind)
        kind.choiceLabels = kinds.map { strings("offer.kind.\($0)") }
        let sessions = offer?.sessions.map { strings.numericDate($0.day) + " " + $0.start + "-" + $0.end }.joined(separator: "; ") ?? ""
        return Form(purpose: .editOffer(offer?.id), title: offer == nil ? "form.addOffer.title" : "form.editOffer.title", fields: [
            Form.Field(label: "field.title", input: TextField(offer?.title ?? "", maxLength: 200)),
            kind,
            Form.Field(label: "field.ownKind", input: TextField(isCustom ? offer?.kind ?? "" : "", maxLength: 60), hint: "field.ownKind.hint"),
            Form.Field(label: "field.sessions", input: TextField(sessions, maxLength: 2_000), hint: "field.sessions.hint"),
            Form.Field(label: "field.place", input: TextField(offer?.place ?? "", maxLength: 300), hint: "field.placeOffer.hint"),
            Form.Field(label: "field.capacity", input: TextField(offer.map { String($0.capacity) } ?? "", maxLength: 5)),
            Form.Field(label: "field.language", input: TextField(offer?.language ?? strings.language, maxLength: 10)),
            Form.Field(label: "field.description", input: TextField(offer?.description ?? "", maxLength: 2_000)),
            Form.Field(label: "field.suits", input: TextField(offer?.suits ?? "", maxLength: 300), hint: "field.suits.hint"),
        ], compact: true)
    }

    /// Checks the form; marks bad fields, or returns the offer to save.
    static func submit(_ form: inout Form, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard case let .editOffer(id) = form.purpose else { return nil }
        let s = env.strings
        func fail(_ index: Int, _ message: String) -> [Effect] {
            form.fields[index].error = message
            form.focus = index
            state.form = form
            return []
        }
        let title = form.value(0)
        if title.isEmpty { return fail(0, s("error.required")) }
        let kind = form.value(1) == "custom" ? form.value(2) : form.value(1)
        if kind.isEmpty { return fail(2, s("error.ownKind")) }
        let sessions: [OfferSession]
        switch OfferCSV.sessions(form.value(3)) {
        case let .success(parsed): sessions = parsed
        case let .failure(error): return fail(3, s("error.session", ["n": String(error.number), "reason": error.reason]))
        }
        guard let capacity = Int(form.value(5)), (0...10_000).contains(capacity) else { return fail(5, s("error.capacity")) }
        let existing = id.flatMap { id in state.offers.first { $0.id == id } }
        if let existing, capacity < existing.booked.count {
            return fail(5, s("error.capacityBelowBooked", ["n": String(existing.booked.count)]))
        }
        var offer = existing ?? Offer(id: env.makeID("o"), title: title, kind: kind, description: "", sessions: [],
                                      place: "", capacity: capacity, language: "")
        offer.title = title
        offer.kind = kind
        offer.sessions = sessions
        offer.place = form.value(4)
        offer.capacity = capacity
        offer.language = form.value(6).lowercased()
        offer.description = form.value(7)
        offer.suits = form.value(8)
        state.form = nil
        return [.saveOffer(offer, isNew: existing == nil)]
    }
}
