import StepwiseCore

/// The open participant's own placement, from the offers tab: `I` opens the placement form
/// and `F` a follow-up meeting, on an internship offer in which the participant holds a seat;
/// `M` chooses a planned follow-up meeting to change or cancel.
enum PlacementUpdate {
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard action == .placement || action == .followUp || action == .changeFollowUp, let open = state.open, open.tab == .offers else { return nil }
        let s = env.strings
        guard let offer = OfferUpdate.selected(open, state: state, env: env) else { return [] }
        guard !open.isReadOnly else {
            state.message = Message(s("participant.readOnlyShort"), kind: .error)
            return []
        }
        guard offer.internship != nil || offer.kind == "internship", case .seat? = Booking.place(of: open.participant.id, in: offer) else {
            state.message = Message(s("placement.needsSeat", ["title": offer.title]))
            return []
        }
        switch action {
        case .placement?: state.form = PlacementForms.placement(offer, of: open.participant, strings: s)
        case .followUp?: state.form = PlacementForms.followUp(offer, of: open.participant, strings: s, today: state.today)
        default:
            state.form = PlacementForms.choosePlanned(offer, of: open.participant, strings: s)
            if state.form == nil { state.message = Message(s("placement.noPlannedFollowUps")) }
        }
        return []
    }
}
