import StepwiseCore

/// The open participant's own placement, from the offers tab: `I` opens the placement form
/// and `F` a follow-up meeting, on an internship offer in which the participant holds a seat.
enum PlacementUpdate {
    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect]? {
        guard action == .placement || action == .followUp, let open = state.open, open.tab == .offers else { return nil }
        let s = env.strings
        guard let offer = OfferUpdate.selected(open, offers: state.offers, order: env.strings.formats) else { return [] }
        guard !open.isReadOnly else {
            state.message = Message(s("participant.readOnlyShort"), kind: .error)
            return []
        }
        guard offer.internship != nil || offer.kind == "internship", case .seat? = Booking.place(of: open.participant.id, in: offer) else {
            state.message = Message(s("placement.needsSeat", ["title": offer.title]))
            return []
        }
        state.form =
            action == .placement
            ? PlacementForms.placement(offer, of: open.participant, strings: s)
            : PlacementForms.followUp(offer, of: open.participant, strings: s, today: state.today)
        return []
    }
}
