define([], function () {
  return { Title: "Items" };
});
