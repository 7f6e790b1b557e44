import StepwiseCore

extension Update {
    /// The effects wanted while no key comes (the shell asks every few hundred milliseconds,
    /// and before each key): a record shown read only is read again when its file changed, so
    /// that a second terminal follows what the first one saves.
    public static func idle(state: AppState) -> [Effect] {
        guard let open = state.open, open.isReadOnly else { return [] }
        return [.rereadIfChanged(id: open.participant.id)]
    }
}
