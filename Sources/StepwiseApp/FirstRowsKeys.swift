import StepwiseCore
import StepwiseUI

/// Which keys can act on a caseload that holds only its first rows (the first frame of a large
/// caseload, `CaseloadIndex.loadFirstRows`), so that they act at once instead of waiting for
/// the whole caseload to be read and checked.
enum FirstRowsKeys {
    /// Caseload actions that never look past the selected row: moves up, opening the selected
    /// participant, the forms and screens that do not list the caseload, leaving. Not the
    /// catalogue: its offers name the people booked, found in the whole caseload.
    static let onTheCaseload: Set<ActionID> = [
        .moveUp, .pageUp, .moveFirst, .open, .add, .cancel, .board, .report,
        .help, .hide, .redraw, .suspend, .quit, .interrupt,
    ]

    /// True when `key` in `state` can be handled with only the first rows of the caseload:
    /// an action in `onTheCaseload`, a move down to a row already read, a key that acts on
    /// nothing, or any key away from the caseload (going back to it from a participant shows
    /// the first rows again, `App.closing`). False for a search, a page down, the end of the list.
    static func suffice(for key: Key, in state: AppState) -> Bool {
        let context = state.context
        let action = ActionTable.action(for: key, in: context)
        switch context {
        case .caseload:
            guard let action else { return true }
            if action == .moveDown { return state.selection + 1 < state.caseload.count }
            return onTheCaseload.contains(action)
        case .searching:
            return false
        default:
            return true
        }
    }

    /// True when `key` in `state` opens the search or is typed into it: it acts on the first
    /// rows at once, and the search's list says that the whole caseload is still being read.
    static func searches(_ key: Key, in state: AppState) -> Bool {
        switch state.context {
        case .searching: return true
        case .caseload: return ActionTable.action(for: key, in: .caseload) == .search
        default: return false
        }
    }
}
