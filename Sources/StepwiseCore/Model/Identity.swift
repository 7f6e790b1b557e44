import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who is at the keyboard: the coach's name, the operating-system user, the machine and process.
public struct Identity: Codable, Equatable, Sendable {
    public var coach: String
    public var user: String
    public var host: String
    public var pid: Int32

    public init(coach: String, user: String, host: String, pid: Int32) {
        self.coach = coach
        self.user = user
        self.host = host
        self.pid = pid
    }

    /// This process: the coach from `$STEPWISE_COACH`, else the user's name.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Identity {
        let account = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        let user = environment["USER"] ?? environment["LOGNAME"] ?? account ?? String(getuid())
        let coach = environment["STEPWISE_COACH"].flatMap { $0.isEmpty ? nil : $0 } ?? user
        return Identity(coach: coach, user: user, host: ProcessInfo.processInfo.hostName, pid: getpid())
    }
}
