declare interface IFloorWebPartStrings {
  Title: string;
}
declare module "FloorWebPartStrings" {
  const strings: IFloorWebPartStrings;
  export = strings;
}
