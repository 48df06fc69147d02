// Installs the Allure runtime in every worker (it registers a BeforeAll hook). Without this import the
// allure-cucumberjs runtime API logs "No test runtime is found" and labels set at run time are lost.
import 'allure-cucumberjs';
