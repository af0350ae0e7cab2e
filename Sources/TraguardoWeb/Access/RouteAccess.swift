import TraguardoCore
import Vapor

/// The access rule every route declares when it is registered. A route without one is refused by
/// `AccessMiddleware`: deny by default.
public enum RouteAccess: Sendable, Hashable, CustomStringConvertible {
    /// Anyone, signed in or not (login page, health check).
    case anonymous
    /// Any signed-in user; the handler shows only what the user may see.
    case signedIn
    /// A permission in the ente named by the `:ente` path parameter.
    case ente(Permission)
    /// An installation-wide permission.
    case system(Permission)
    /// The monitoring system, not a person: a direct connection from this machine, or the metrics token.
    case operations

    public var description: String {
        switch self {
        case .anonymous: "anonymous"
        case .signedIn: "signedIn"
        case .ente(let p): "ente(\(p.rawValue))"
        case .system(let p): "system(\(p.rawValue))"
        case .operations: "operations"
        }
    }
}

extension Route {
    public var access: RouteAccess? { userInfo["traguardo.access"] as? RouteAccess }

    @discardableResult
    func requires(_ access: RouteAccess) -> Route {
        userInfo["traguardo.access"] = access
        return self
    }
}
