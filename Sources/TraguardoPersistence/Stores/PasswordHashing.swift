/// Password hashing is supplied by the web layer (bcrypt via Vapor) so persistence stays framework-free
/// and tests can use a cheap cost.
public protocol PasswordHashing: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}
