import StepwiseCore

extension Update {
    /// The effects wanted while no key comes (the shell asks every few hundred milliseconds,
    /// and before each key): the open record is read again when its file changed, so that a
    /// second terminal showing it read only follows what the first one saves, and the
    /// terminal editing it shows journal entries that bookings elsewhere added (e.g. an
    /// offer cancelled in the catalogue at another terminal). A record shown read only takes
    /// its edit lock as soon as the other terminal gives it back (`EffectResult.lockTaken`).
    public static func idle(state: AppState) -> [Effect] {
        guard let open = state.open else { return [] }
        return [.rereadIfChanged(id: open.participant.id)]
    }
}
