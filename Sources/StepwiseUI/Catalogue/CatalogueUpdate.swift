import StepwiseCore

/// The catalogue screen: keeping the offers (add, edit, cancel) and entering attendance for a
/// whole group. It is reached from the caseload, never while a participant is open.
enum CatalogueUpdate {
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard var catalogue = state.catalogue else { return [] }
        let picking = CatalogueReading.listKeys.union([.editOffer, .internship, .cancelOffer, .attendance])
        if CatalogueReading.holds(action, among: picking, state: &state, env: env) { return [] }
        let s = env.strings
        let offers = state.listed(catalogue.filter, env: env)
        let selected =
            catalogue.detail.flatMap { id in state.offers.first { $0.id == id } }
            ?? catalogue.sheet.flatMap { sheet in state.offers.first { $0.id == sheet.offer } }
            ?? (offers.indices.contains(catalogue.selection) ? offers[catalogue.selection] : nil)
        if var sheet = catalogue.sheet, let offer = selected {
            let sessions = CatalogueView.sessions(of: offer)
            let marking: Set<ActionID> = [.attended, .absent, .excused, .allAttended]
            if let action, marking.contains(action), sessions.indices.contains(sheet.session),
                !offer.canMarkAttendance(at: sessions[sheet.session], now: state.now, in: env.timeZone)
            {
                let session = sessions[sheet.session]
                state.message = Message(s("attendance.notStarted", ["date": s.dayWithWeekday(session.day), "start": session.start]))
                return []
            }
            let effects = attendance(action, sheet: &sheet, offer: offer)
            catalogue.sheet = action == .back ? nil : sheet
            state.catalogue = catalogue
            return effects
        }
        let page = max(1, state.height - 8)
        switch action {
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            let shown = catalogue.detail.flatMap { id in state.offers.first { $0.id == id } }.map { offer in
                let inside = Overlays.inside(
                    width: state.width - 2, height: state.height - 4, screenWidth: state.width, screenHeight: state.height)
                return (CatalogueView.details(offer, catalogue: catalogue, state: state, env: env, width: inside.width).count, inside.height)
            }
            ListCursor.move(
                action, selection: &catalogue.selection, count: offers.count, page: page,
                detailScroll: &catalogue.detailScroll, detail: shown)
        case .open?:
            catalogue.detail = selected?.id
            catalogue.detailScroll = 0
        case .back?:
            if catalogue.detail != nil {
                catalogue.detail = nil
            } else {
                state.catalogue = nil
                return []
            }
        case .group?:
            catalogue.filter.grouping = catalogue.filter.grouping == .kind ? .date : .kind
            catalogue.selection = 0
        case .filter?:
            state.form = OfferForms.filter(catalogue.filter, offers: state.offers, strings: s)
        case .addOffer?:
            state.form = CatalogueForms.offer(nil, strings: s, languages: env.languages)
        case .editOffer?:
            if let offer = selected { state.form = CatalogueForms.offer(offer, strings: s, languages: env.languages) }
        case .internship?:
            if let offer = selected { state.form = InternshipForms.internship(offer, strings: s) }
        case .cancelOffer?:
            guard let offer = selected else { break }
            if offer.status == .cancelled {
                state.message = Message(s("catalogue.alreadyCancelled", ["title": offer.title]))
            } else {
                state.confirm = Confirm(
                    purpose: .cancelOffer(offer.id),
                    question: s("confirm.cancelOffer", count: offer.booked.count + offer.waiting.count, ["title": offer.title]))
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

    /// 1 attended, 2 absent, 3 excused for the selected person, 0 clears the mark; A marks
    /// everyone attended. Marks are for sessions that have started (checked by the caller).
    private static func attendance(_ action: ActionID?, sheet: inout AttendanceSheet, offer: Offer) -> [Effect] {
        let sessions = CatalogueView.sessions(of: offer)
        let people = offer.booked.map(\.participantId)
        guard sessions.indices.contains(sheet.session) else { return [] }
        let session = sessions[sheet.session]
        switch action {
        case .moveUp?, .moveDown?, .moveFirst?, .moveLast?:
            sheet.selection = ListCursor(sheet.selection, count: people.count).moved(by: action)
        case .previousSession?: sheet.session = ListCursor(sheet.session, count: sessions.count).moved(.up)
        case .nextSession?: sheet.session = ListCursor(sheet.session, count: sessions.count).moved(.down)
        case .attended?, .absent?, .excused?, .clearAttendance?:
            guard people.indices.contains(sheet.selection) else { return [] }
            let statuses: [ActionID: Attendance.Status] = [.attended: .attended, .absent: .absent, .excused: .excused]
            let status = action.flatMap { statuses[$0] }
            let person = people[sheet.selection]
            sheet.selection = ListCursor(sheet.selection, count: people.count).moved(.down)
            return [.markAttendance(offer: offer.id, session: session, marks: [person: status])]
        case .allAttended?:
            return [
                .markAttendance(
                    offer: offer.id, session: session,
                    marks: Dictionary(uniqueKeysWithValues: people.map { ($0, .attended) }))
            ]
        default: break
        }
        return []
    }
}

/// The fields of the form that adds or changes an offer.
enum OfferField: String, FormFieldName { case title, kind, ownKind, sessions, place, capacity, language, description, suits }

/// The form that adds or changes an offer, one row per field.
enum CatalogueForms {
    static func offer(_ offer: Offer?, strings: Localizer, languages: [String]) -> Form {
        let kinds = OfferKind.builtIn + ["custom"]
        let isCustom = offer.map { !OfferKind.builtIn.contains($0.kind) } ?? false
        let sessions = offer?.sessions.map { strings.numericDate($0.day) + " " + $0.start + "-" + $0.end }.joined(separator: "; ") ?? ""
        let title = offer == nil ? "form.addOffer.title" : "form.editOffer.title"
        return Form(purpose: .editOffer(offer?.id), title: title, compact: true, OfferField.self) { name in
            switch name {
            case .title: return Form.Field(label: "field.title", input: TextField(offer?.title ?? "", maxLength: 200))
            case .kind:
                var kind = Form.Field(
                    label: "field.offerKind", choices: kinds, prefix: "offer.kind.", selected: isCustom ? "custom" : offer?.kind)
                kind.choiceLabels = kinds.map { strings("offer.kind.\($0)") }
                return kind
            case .ownKind:
                return Form.Field(
                    label: "field.ownKind", input: TextField(isCustom ? offer?.kind ?? "" : "", maxLength: 60), hint: "field.ownKind.hint")
            case .sessions:
                return Form.Field(label: "field.sessions", input: TextField(sessions, maxLength: 2_000), hint: "field.sessions.hint")
            case .place:
                return Form.Field(label: "field.place", input: TextField(offer?.place ?? "", maxLength: 300), hint: "field.placeOffer.hint")
            case .capacity:
                return Form.Field(label: "field.capacity", input: TextField(offer.map { String($0.capacity) } ?? "", maxLength: 5))
            case .language: return Form.Field(label: "field.language", languages: languages, selected: offer?.language ?? strings.language)
            case .description:
                return Form.Field(label: "field.description", input: TextField(offer?.description ?? "", maxLength: 2_000, multiline: true))
            case .suits:
                return Form.Field(label: "field.suits", input: TextField(offer?.suits ?? "", maxLength: 300), hint: "field.suits.hint")
            }
        }
    }

    /// The string-table key naming a detail of an offer, as the forms label it.
    static func label(of field: OfferMerge.Field) -> String {
        switch field {
        case .title: return "field.title"
        case .kind: return "field.offerKind"
        case .description: return "field.description"
        case .sessions: return "field.sessions"
        case .place: return "field.place"
        case .capacity: return "field.capacity"
        case .language: return "field.language"
        case .suits: return "field.suits"
        case .facilitators: return "field.facilitators"
        case .waitlistLimit: return "field.waitlistLimit"
        case .internship: return "internship.title"
        case .status: return "field.status"
        }
    }

    /// Checks the form; marks bad fields, or returns the offer to save.
    static func submit(_ form: inout Form, id: String?, state: AppState, env: UIEnvironment) -> [Effect] {
        var read = FormReader(form, env: env, today: state.today)
        defer { form = read.form }
        let title = read.required(OfferField.title)
        let typedKind =
            read[OfferField.kind] == "custom" ? read.required(OfferField.ownKind, message: "error.ownKind") : read[OfferField.kind]
        let kind = typedKind.map { OfferKind.builtIn(named: $0, in: OfferKind.spellings(Array(env.tables.values) + [env.strings])) ?? $0 }
        var sessions: [OfferSession] = []
        switch OfferCSV.sessions(read[OfferField.sessions], date: { env.dates.parse($0, today: state.today) }) {
        case .success(let parsed): sessions = parsed
        case .failure(let error):
            read.mark(OfferField.sessions, "error.session", ["n": String(error.number), "reason": CatalogueForms.reason(error.kind, strings: env.strings)])
        }
        for (number, session) in sessions.enumerated() {
            guard
                let time = [session.start, session.end].first(where: {
                    LocalTime.refusalKey(day: session.day, time: $0, in: env.timeZone) != nil
                }),
                let key = LocalTime.refusalKey(day: session.day, time: time, in: env.timeZone)
            else { continue }
            let reason = env.strings(key, ["time": time, "date": env.strings.numericDate(session.day)])
            read.mark(OfferField.sessions, "error.session", ["n": String(number + 1), "reason": reason])
            break
        }
        let existing = id.flatMap { id in state.offers.first { $0.id == id } }
        let capacity = read.int(OfferField.capacity, in: 0...10_000, optional: false, message: "error.capacity") ?? nil
        if let existing, let capacity, capacity < existing.booked.count {
            read.mark(OfferField.capacity, "error.capacityBelowBooked", count: existing.booked.count)
        }
        let language = read.language(OfferField.language, keeping: existing?.language)
        guard read.isValid, let title, let kind, let capacity, let language else { return [] }
        var offer =
            existing
            ?? Offer(
                id: env.makeID("o"), title: title, kind: kind, description: "", sessions: [],
                place: "", capacity: capacity, language: "")
        offer.title = title
        offer.kind = kind
        offer.sessions = sessions
        offer.place = read[OfferField.place]
        offer.capacity = capacity
        offer.language = language
        offer.description = read[OfferField.description]
        offer.suits = read[OfferField.suits]
        return [.saveOffer(offer, base: existing)]
    }
}

extension CatalogueForms {
    /// Why a typed date of an offer could not be read, in the screen's language (the CSV
    /// import says it in English, `OfferCSV.SessionError.Kind.reason`).
    static func reason(_ kind: OfferCSV.SessionError.Kind, strings: Localizer) -> String {
        switch kind {
        case .notDateAndTimes: return strings("error.session.notDateAndTimes")
        case .notADate(let text): return strings("error.session.notADate", ["text": text])
        case .notTimes(let text): return strings("error.session.notTimes", ["text": text])
        case .endsBeforeStart(let start, let end): return strings("error.session.endsBeforeStart", ["start": start, "end": end])
        }
    }
}
