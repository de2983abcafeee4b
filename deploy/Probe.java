// Container health check: exit 0 when this node's readiness probe answers 200, 1 otherwise.
void main() {
	try {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:8080/actuator/health/readiness")).build(),
					java.net.http.HttpResponse.BodyHandlers.discarding());
		System.exit(response.statusCode() == 200 ? 0 : 1);
	}
	catch (Exception notReady) {
		System.exit(1);
	}
}
