// main() for lit tests that link a unit of their own.
int main() {}
