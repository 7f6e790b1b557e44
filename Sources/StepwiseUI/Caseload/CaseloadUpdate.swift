import StepwiseCore

/// Changes of the caseload that keep the rows in memory.
enum CaseloadUpdate {
    /// Moves one row in place (see `CaseloadMove`) and selects it: back from a participant
    /// costs no copy of the caseload and at most one search of it.
    static func show(_ move: CaseloadMove, state: inout AppState) {
        // The rows kept for the search share the caseload's storage: let go of them first, so
        // that the move changes the caseload in place, not a copy of all of it (7 MB at
        // 100,000 participants, held until the move was done).
        state.matches = nil
        state.widerMatches = []
        move.apply(to: &state.caseload)
        state.refreshMatches()
        let searching = state.search.map { !$0.text.isEmpty } ?? false
        let rows = state.visibleRows
        let index = searching ? rows.firstIndex(ofID: move.entry.id) : move.to
        state.selection = index ?? min(state.selection, max(0, rows.count - 1))
    }
}
