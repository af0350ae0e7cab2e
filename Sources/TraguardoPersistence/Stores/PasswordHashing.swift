/// Password hashing is supplied by the web layer (bcrypt via Vapor) so persistence stays framework-free
/// and tests can use a cheap cost.
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
    /// A valid hash of a random password at the same cost, checked when the username does not exist so that
    /// a wrong username takes as long as a wrong password (no account enumeration by timing).
    var dummyHash: String { get }
}
