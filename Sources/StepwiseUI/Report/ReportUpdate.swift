import StepwiseCore

/// The keys of the report screen: scroll, the scope (Tab), the period (← → move it, `p` its
/// length) and Esc back to the caseload.
enum ReportUpdate {
    /// Opens the report screen from the caseload and asks for the report.
    static func open(state: inout AppState) -> [Effect] {
        let screen = ReportScreen()
        state.report = screen
        return [.makeReport(screen.query(today: state.today, coach: state.coach))]
    }

    static func handle(_ action: ActionID?, state: inout AppState, env: UIEnvironment) -> [Effect] {
        guard var screen = state.report else { return [] }
        switch action {
        case .moveUp?, .moveDown?, .pageUp?, .pageDown?, .moveFirst?, .moveLast?:
            let lines = screen.report.map { ReportView.lines($0, env: env, width: state.width - 2).count } ?? 0
            let last = max(0, lines - ReportView.rows(height: state.height))
            screen.scroll = ListCursor(screen.scroll, count: last + 1, page: ReportView.rows(height: state.height)).moved(by: action)
            state.report = screen
            return []
        case .back?:
            state.report = nil
            return []
        case .reportScope?: screen.scope = screen.scope == .caseload ? .organisation : .caseload
        case .earlierPeriod?: screen.back += 1
        case .laterPeriod?:
            guard screen.back > 0 else { return [] }
            screen.back -= 1
        case .periodLength?:
            let next = ((ReportScreen.lengths.firstIndex(of: screen.months) ?? 0) + 1) % ReportScreen.lengths.count
            screen.months = ReportScreen.lengths[next]
            screen.back = 0
        default: return []
        }
        screen.report = nil
        screen.scroll = 0
        state.report = screen
        return [.makeReport(screen.query(today: state.today, coach: state.coach))]
    }

    /// Shows a report made for the screen's query; one made for a query since left is dropped.
    static func made(_ report: Report, state: inout AppState) {
        guard let screen = state.report, screen.query(today: state.today, coach: state.coach) == report.query else { return }
        state.report?.report = report
    }
}
