import Foundation
import PalisadeCore
@testable import Kube

/// Recorded API answers keyed by path and query (`/api/v1/pods?limit=2`),
/// written from the shapes in the Kubernetes API reference. A key may map to
/// a list of answers, served in turn.
final class KubeLiveFakeServer: KubeGetting, @unchecked Sendable {
    enum Answer {
        case json(String)
        case status(code: Int, body: String)
    }

    private let lock = NSLock()
    private var answers: [String: [Answer]]
    private(set) var requests: [String] = []

    init(_ answers: [String: [Answer]]) {
        self.answers = answers
    }

    func get(_ path: String, query: [(String, String)]) async throws -> Value {
        let key = query.isEmpty ? path : path + "?" + query.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        let answer: Answer? = lock.withLock {
            requests.append(key)
            guard var queue = answers[key], !queue.isEmpty else { return nil }
            let first = queue.removeFirst()
            answers[key] = queue.isEmpty ? [first] : queue
            return first
        }
        switch answer {
        case .json(let text): return try JSONReader.decode(text, file: key)
        case .status(let code, let body):
            throw KubeAPIError.status(KubeStatus.parse(code: code, body: Array(body.utf8)), path: path)
        case nil:
            throw KubeAPIError.status(KubeStatus(code: 404, reason: "NotFound", message: "the server could not find the requested resource"), path: path)
        }
    }
}

/// Discovery documents in the shapes the API reference gives (APIVersions,
/// APIGroupList, APIResourceList).
enum KubeLiveDocuments {
    static let apiVersions = """
        {"kind":"APIVersions","versions":["v1"],
         "serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"10.0.0.1:6443"}]}
        """

    static let groupList = """
        {"kind":"APIGroupList","apiVersion":"v1","groups":[
          {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],
           "preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
          {"name":"events.k8s.io","versions":[{"groupVersion":"events.k8s.io/v1","version":"v1"},
             {"groupVersion":"events.k8s.io/v1beta1","version":"v1beta1"}],
           "preferredVersion":{"groupVersion":"events.k8s.io/v1","version":"v1"}},
          {"name":"extensions","versions":[{"groupVersion":"extensions/v1beta1","version":"v1beta1"}],
           "preferredVersion":{"groupVersion":"extensions/v1beta1","version":"v1beta1"}},
          {"name":"networking.k8s.io","versions":[{"groupVersion":"networking.k8s.io/v1","version":"v1"},
             {"groupVersion":"networking.k8s.io/v1beta1","version":"v1beta1"}],
           "preferredVersion":{"groupVersion":"networking.k8s.io/v1","version":"v1"}},
          {"name":"metrics.k8s.io","versions":[{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}],
           "preferredVersion":{"groupVersion":"metrics.k8s.io/v1beta1","version":"v1beta1"}}
        ]}
        """

    static let coreResources = """
        {"kind":"APIResourceList","groupVersion":"v1","resources":[
          {"name":"bindings","singularName":"","namespaced":true,"kind":"Binding","verbs":["create"]},
          {"name":"events","singularName":"","namespaced":true,"kind":"Event",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["ev"]},
          {"name":"namespaces","singularName":"","namespaced":false,"kind":"Namespace",
           "verbs":["create","delete","get","list","patch","update","watch"],"shortNames":["ns"]},
          {"name":"namespaces/status","singularName":"","namespaced":false,"kind":"Namespace","verbs":["get","patch","update"]},
          {"name":"pods","singularName":"","namespaced":true,"kind":"Pod",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["po"],"categories":["all"]},
          {"name":"pods/exec","singularName":"","namespaced":true,"kind":"PodExecOptions","verbs":["create","get"]},
          {"name":"secrets","singularName":"","namespaced":true,"kind":"Secret",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"]}
        ]}
        """

    static let appsResources = """
        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apps/v1","resources":[
          {"name":"deployments","singularName":"","namespaced":true,"kind":"Deployment",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],
           "shortNames":["deploy"],"categories":["all"],"storageVersionHash":"8aSe+NMegvE="},
          {"name":"deployments/scale","singularName":"","namespaced":true,"group":"autoscaling","version":"v1",
           "kind":"Scale","verbs":["get","patch","update"]},
          {"name":"deployments/status","singularName":"","namespaced":true,"kind":"Deployment","verbs":["get","patch","update"]}
        ]}
        """

    static let eventsResources = """
        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"events.k8s.io/v1","resources":[
          {"name":"events","singularName":"","namespaced":true,"kind":"Event",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["ev"]}
        ]}
        """

    static let extensionsResources = """
        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"extensions/v1beta1","resources":[
          {"name":"ingresses","singularName":"","namespaced":true,"kind":"Ingress",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["ing"]},
          {"name":"ingresses/status","singularName":"","namespaced":true,"kind":"Ingress","verbs":["get","patch","update"]}
        ]}
        """

    static let networkingResources = """
        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"networking.k8s.io/v1","resources":[
          {"name":"ingressclasses","singularName":"","namespaced":false,"kind":"IngressClass",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"]},
          {"name":"ingresses","singularName":"","namespaced":true,"kind":"Ingress",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["ing"]},
          {"name":"networkpolicies","singularName":"","namespaced":true,"kind":"NetworkPolicy",
           "verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["netpol"]}
        ]}
        """

    /// The 503 an aggregated API answers when its backend is unavailable.
    static let serviceUnavailable = """
        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
         "message":"the server is currently unable to handle the request","reason":"ServiceUnavailable",
         "details":{"causes":[{"reason":"UnexpectedServerResponse","message":"service unavailable"}]},"code":503}
        """

    static let forbiddenSecrets = """
        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
         "message":"secrets is forbidden: User \\"jane\\" cannot list resource \\"secrets\\" in API group \\"\\" at the cluster scope",
         "reason":"Forbidden","details":{"kind":"secrets"},"code":403}
        """

    static let expired = """
        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
         "message":"The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.",
         "reason":"Expired","code":410}
        """

    /// The whole discovery of a small cluster.
    static var discovery: [String: [KubeLiveFakeServer.Answer]] {
        [
            "/api": [.json(apiVersions)],
            "/apis": [.json(groupList)],
            "/api/v1": [.json(coreResources)],
            "/apis/apps/v1": [.json(appsResources)],
            "/apis/events.k8s.io/v1": [.json(eventsResources)],
            "/apis/extensions/v1beta1": [.json(extensionsResources)],
            "/apis/networking.k8s.io/v1": [.json(networkingResources)],
            "/apis/metrics.k8s.io/v1beta1": [.status(code: 503, body: serviceUnavailable)],
        ]
    }
}
