// The first views' controls (see styles.ts for why they are not Fluent's own).
export { Button } from "./Button";
export { DataGrid } from "./DataGrid";
export { Flex } from "./Flex";
export { Notice } from "./Notice";
export { SearchField } from "./SearchField";
export { Select } from "./Select";
export { Tab, Tabs } from "./Tabs";
export { Toolbar } from "./Toolbar";
