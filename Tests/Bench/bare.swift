// A bare Foundation process that prints one line: `make bench` starts it next to Stepwise in the
// same pseudo-terminal, so that the first frame is judged against what any Swift start costs.
import Foundation

print("Caseload " + ProcessInfo.processInfo.processName)
